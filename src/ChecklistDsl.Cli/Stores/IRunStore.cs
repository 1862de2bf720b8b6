using ChecklistDsl.Cli.Journal;

namespace ChecklistDsl.Cli.Stores;

/// <summary>
/// Where runs live: their journals, the claim of a run on its checklist × target, and who is acting.
/// Two implementations: <see cref="File.FileRunStore"/> (journals and lock files under <c>.checklist/</c>, the
/// default) and <see cref="Postgres.PostgresRunStore"/> (a team database). Problems opening a store are
/// <see cref="CliException"/>s (exit 3, or 4 for a claim held by another run).
/// </summary>
internal interface IRunStore : IDisposable
{
    /// <summary>Where the runs are, for messages: a folder, or "PostgreSQL host:port/database" (never a password).</summary>
    string Location { get; }

    /// <summary>Who acts through this store: the database login, or the operating-system user (not verified by anything).</summary>
    StoreIdentity Identity { get; }

    /// <summary>
    /// Starts a new run: claims its checklist × target for this process (refused with exit 4 naming the
    /// holder, or naming an unfinished run that still claims the target), then records the header.
    /// </summary>
    IRunJournal Start(JournalRecord header);

    /// <summary>Takes a run over (its claim and its lock) and records <paramref name="resumed"/> first.</summary>
    IRunJournal Continue(JournalRecord header, JournalRecord resumed);

    /// <summary>A run's records, by id or unique id prefix (or, for the file store, a journal's path).</summary>
    StoredRun Read(string run);

    /// <summary>The runs, oldest first; an unreadable one is listed with its problem.</summary>
    IReadOnlyList<RunListing> Runs();

    /// <summary>
    /// Records a decision taken outside the run's own process (an abandon, an unlock: the run must not be
    /// going on), committed before this returns.
    /// </summary>
    void AppendOutside(StoredRun run, JournalRecord record);

    /// <summary>
    /// Gives a run an approval or a rejection from another terminal: into its journal at once, or, while the
    /// run's process holds the file store's journal open, to that process (which records it); committed or
    /// handed over before this returns.
    /// </summary>
    void Decide(StoredRun run, JournalRecord decision);

    /// <summary>
    /// The hash-chain verdict of run <paramref name="runId"/> whose journal is at <paramref name="location"/>:
    /// over a journal file's bytes, or over the lines the team store keeps; null when there is nothing to check.
    /// </summary>
    ChainVerdict? VerifyChain(string runId, string location);

    /// <summary>Clears the lock of a run of <paramref name="checklist"/> × <paramref name="target"/> whose process is gone.</summary>
    UnlockResult Unlock(string checklist, string target, bool force);
}

/// <summary>A run's journal, open for this process's records; disposing it releases the run's lock (never its claim).</summary>
internal interface IRunJournal : IDisposable
{
    /// <summary>Where the journal is, for messages.</summary>
    string Location { get; }

    /// <summary>
    /// Records one record, durably (flushed to the disk, or its transaction committed) before returning;
    /// throws <see cref="RecordNotWrittenException"/> otherwise, and the action it precedes must not be taken.
    /// </summary>
    void Append(JournalRecord record);

    /// <summary>How many records the journal holds now (the ones this process has seen).</summary>
    int Count { get; }

    /// <summary>
    /// The records other processes gave this run since it last looked (approvals, rejections from
    /// <c>checklist approve</c> / <c>reject</c>), now in its journal, in order.
    /// </summary>
    IReadOnlyList<JournalRecord> TakeOutside();

    /// <summary>Waits until another process may have given the run a record (a notification, or a poll interval), at most <paramref name="atMost"/>.</summary>
    Task WaitForOutsideAsync(TimeSpan atMost, CancellationToken cancellationToken);
}

/// <summary>Who acts: a name and whether the store vouches for it (a database login does; an OS user name or a typed name does not).</summary>
internal sealed record StoreIdentity(string Name, bool Verified);

/// <summary>A run's records as stored, and where they are.</summary>
internal sealed record StoredRun(string RunId, IReadOnlyList<JournalRecord> Records, string Location)
{
    /// <summary>File store: a torn last line read past (a crash mid-write), set aside when the run is continued.</summary>
    public TornTail? Torn { get; init; }

    public JournalRecord Header => Records[0];
}

/// <summary>A run as <c>status</c> and <c>history</c> list it.</summary>
internal sealed record RunListing(
    string RunId,
    string Checklist,
    string Target,
    string State,
    int StepsDone,
    int StepCount,
    string Operator,
    string Host,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivity,
    DateTimeOffset? EndedAt,
    bool Live,
    string Location,
    string? Problem)
{
    /// <summary>Whether the run reached an end (completed, rolled back, aborted or abandoned).</summary>
    public bool IsFinished => RunStates.IsEnd(State);

    /// <summary>File store: the journal ends in a torn line (a crash mid-write), which resume sets aside.</summary>
    public bool TornTail { get; init; }

    /// <summary>How the run ended, or whether it goes on now or waits for a resume.</summary>
    public string Outcome => Problem is not null ? "unreadable" : IsFinished ? State : Live ? "running" : "paused";
}

/// <summary>What <see cref="IRunStore.Unlock"/> cleared.</summary>
internal sealed record UnlockResult(string Description, string? RunId);

/// <summary>A record could not be made durable (a full disk, a lost database connection): the run stops before its next action.</summary>
internal sealed class RecordNotWrittenException(string problem, string whenFixed, Exception inner) : Exception(problem, inner)
{
    /// <summary>What must be true again before the run is resumed, such as "the folder can be written".</summary>
    public string WhenFixed { get; } = whenFixed;
}
