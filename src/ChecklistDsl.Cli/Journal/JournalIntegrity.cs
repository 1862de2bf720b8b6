namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// The integrity verdict of a stored run, for status, report and verify: a journal file is checked by
/// its hash chain (<see cref="JournalChain"/>); records in the team store (PostgreSQL) carry no chain yet.
/// </summary>
internal static class JournalIntegrity
{
    /// <summary>What is shown for a run that is not a journal file.</summary>
    public const string NotAFile = "not chained (team store)";

    /// <summary>The verdict of the journal at <paramref name="location"/>, or null when it is not a file (the team store).</summary>
    public static ChainVerdict? Of(string location) => File.Exists(location) ? JournalChain.Verify(location) : null;
}
