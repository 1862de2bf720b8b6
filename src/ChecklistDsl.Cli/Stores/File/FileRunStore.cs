using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Locking;

namespace ChecklistDsl.Cli.Stores.File;

/// <summary>
/// The embedded store (nothing to install): one JSON-lines journal per run under <c>.checklist/runs/</c>
/// (<see cref="JournalWriter"/>, <see cref="JournalReader"/>) and one lock file per checklist × target
/// (<see cref="RunLock"/>) for the life of the process that drives the run. An unfinished run keeps its
/// claim on the target after its process ends: a new run of that checklist × target is refused until it
/// is resumed to its end or abandoned.
/// </summary>
internal sealed class FileRunStore(StateDirectory state) : IRunStore
{
    /// <summary>The <c>--state-dir</c> folder (or <c>.checklist</c>).</summary>
    public StateDirectory State { get; } = state;

    public string Location => State.Root;

    /// <summary>The operating-system user: nothing vouches for it beyond the login on this host.</summary>
    public StoreIdentity Identity { get; } = new(Environment.UserName, Verified: false);

    public IRunJournal Start(JournalRecord header)
    {
        var runLock = Writable(() => RunLock.Acquire(State, header.Checklist!, header.Target!, LockOwner.Current(header.RunId!)));
        try
        {
            // Under the lock, so two new runs cannot both see the target free.
            if (Runs().FirstOrDefault(r => r.Problem is null && !r.IsFinished && r.Checklist == header.Checklist && r.Target == header.Target) is { } claim)
                throw new CliException(Claims.Describe(claim), ExitCodes.Locked);
            var writer = Writable(() => JournalWriter.Create(State.JournalPath(header.RunId!), header));
            return new FileRunJournal(writer, runLock, 1);
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    public IRunJournal Continue(JournalRecord header, JournalRecord resumed)
    {
        var runLock = Writable(() => RunLock.Acquire(State, header.Checklist!, header.Target!, LockOwner.Current(header.RunId!)));
        try
        {
            var path = State.JournalPath(header.RunId!);
            // Under the run's lock: no live process is writing the line that looks torn. Its bytes are
            // moved aside (the record's action was never taken) and the move is recorded.
            var count = JournalReader.Read(path, allowTornTail: true, out var torn).Count;
            if (torn is not null)
                Writable(() => torn.SetAside());
            var writer = Writable(() => JournalWriter.OpenForAppend(path));
            var journal = new FileRunJournal(writer, runLock, count);
            try
            {
                if (torn is not null)
                    journal.Append(torn.Record());
                journal.Append(resumed);
            }
            catch (RecordNotWrittenException e)
            {
                journal.Dispose();
                throw new CliException($"{e.Message}. Nothing was run.");
            }
            return journal;
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    /// <summary>A run by id, prefix or journal path; a torn last line (a crash mid-write) is read past and named.</summary>
    public StoredRun Read(string run)
    {
        var path = State.FindJournal(run);
        var records = JournalReader.Read(path, allowTornTail: true, out var torn);
        return new StoredRun(records[0].RunId!, records, path) { Torn = torn };
    }

    public IReadOnlyList<RunListing> Runs() => State.Journals().Select(Listing).ToArray();

    private RunListing Listing(string path)
    {
        var summary = RunSummary.Read(path);
        var live = summary.Problem is null && !RunStates.IsEnd(summary.State)
            && RunLock.LiveOwner(State, summary.Checklist, summary.Target)?.RunId == summary.RunId;
        return new RunListing(summary.RunId, summary.Checklist, summary.Target, summary.State, summary.StepsDone, summary.StepCount,
            summary.User, summary.Host, summary.StartedAt, summary.LastActivity, RunStates.IsEnd(summary.State) ? summary.LastActivity : null,
            live, path, summary.Problem) { TornTail = summary.Torn is not null };
    }

    public void AppendOutside(StoredRun run, JournalRecord record)
    {
        // The run's own lock, as if resuming it: refused while its process is going on.
        var header = run.Header;
        using var runLock = Writable(() => RunLock.Acquire(State, header.Checklist!, header.Target!, LockOwner.Current(header.RunId!)));
        // As in Continue: a torn last line (a crash mid-write) is set aside first, or the record would be
        // glued onto it and the journal made unreadable.
        JournalReader.Read(run.Location, allowTornTail: true, out var torn);
        if (torn is not null)
            Writable(() => torn.SetAside());
        using var writer = Writable(() => JournalWriter.OpenForAppend(run.Location));
        try
        {
            if (torn is not null)
                writer.Append(torn.Record());
            writer.Append(record);
        }
        catch (JournalWriteException e)
        {
            throw new CliException($"{e.Message} Nothing was recorded.");
        }
    }

    public void Decide(StoredRun run, JournalRecord decision)
    {
        var header = run.Header;
        if (RunLock.LiveOwner(State, header.Checklist!, header.Target!)?.RunId != run.RunId)
        {
            AppendOutside(run, decision);
            return;
        }
        // The run's process holds its journal open: hand the decision over through its inbox (it polls it at the gate).
        Writable(() =>
        {
            var inbox = FileRunJournal.InboxOf(run.Location);
            Directory.CreateDirectory(inbox);
            var temporary = Path.Combine(inbox, $".{Guid.NewGuid():N}.tmp");
            System.IO.File.WriteAllText(temporary, System.Text.Json.JsonSerializer.Serialize(decision, JournalJson.Options));
            // Renamed into place whole: the run never reads half a decision.
            System.IO.File.Move(temporary, Path.Combine(inbox, $"{DateTime.UtcNow:yyyyMMddHHmmssfffffff}-{Guid.NewGuid():N}.json"));
            return 0;
        });
    }

    public ChainVerdict? VerifyChain(string runId, string location) =>
        System.IO.File.Exists(location) ? JournalChain.Verify(location) : null;

    public UnlockResult Unlock(string checklist, string target, bool force)
    {
        var path = RunLock.PathFor(State, checklist, target);
        if (!System.IO.File.Exists(path))
            throw new CliException($"There is no lock {path}.");
        var owner = RunLock.ReadOwner(path);
        if (owner is not null && !RunLock.IsStale(owner) && !force)
            throw new CliException($"The lock is held by a live run: {owner}. Pass --force only if you are sure it is gone.", ExitCodes.Locked);
        Writable(() =>
        {
            System.IO.File.Delete(path);
            return 0;
        });
        return new UnlockResult(owner?.ToString() ?? $"an unreadable lock file {path}", owner?.RunId);
    }

    /// <summary>
    /// A state folder that cannot be written (read-only, full, a file in its place) stops here, before any
    /// step is acted on, with an error that says so.
    /// </summary>
    private T Writable<T>(Func<T> open)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw State.Unwritable(e);
        }
    }

    public void Dispose()
    {
    }
}

/// <summary>A file journal and the lock file held with it (none for a journal opened outside a run, as in the runner's tests).</summary>
internal sealed class FileRunJournal(JournalWriter writer, RunLock? runLock, int count) : IRunJournal
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public string Location => writer.Path;

    /// <summary>Where other processes leave decisions for a run whose journal is open: <c>runs/&lt;id&gt;.inbox/</c>.</summary>
    public static string InboxOf(string journalPath) => Path.ChangeExtension(journalPath, ".inbox");

    public IReadOnlyList<JournalRecord> TakeOutside()
    {
        var inbox = InboxOf(writer.Path);
        if (!Directory.Exists(inbox))
            return [];
        var taken = new List<JournalRecord>();
        foreach (var file in Directory.GetFiles(inbox, "*.json").Order(StringComparer.Ordinal))
        {
            var record = System.Text.Json.JsonSerializer.Deserialize<JournalRecord>(System.IO.File.ReadAllText(file), JournalJson.Options);
            if (record is not null)
            {
                // Recorded before the inbox file goes: a crash in between leaves at worst a duplicate, which a quorum counts once.
                Append(record);
                taken.Add(record);
            }
            System.IO.File.Delete(file);
        }
        return taken;
    }

    public Task WaitForOutsideAsync(TimeSpan atMost, CancellationToken cancellationToken) =>
        // Files have no notifications that work on every file system: poll.
        Task.Delay(atMost < PollInterval ? atMost : PollInterval, cancellationToken);

    public int Count { get; private set; } = count;

    public void Append(JournalRecord record)
    {
        try
        {
            writer.Append(record);
        }
        catch (JournalWriteException e)
        {
            throw new RecordNotWrittenException(e.Message, "the folder can be written", e);
        }
        Count++;
    }

    public void Dispose()
    {
        writer.Dispose();
        runLock?.Dispose();
    }
}
