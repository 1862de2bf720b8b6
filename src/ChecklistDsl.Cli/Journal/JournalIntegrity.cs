namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// The integrity verdict of a stored run, for status, report and verify: each run store checks its own
/// runs by the hash chain (<see cref="JournalChain"/>), a journal file over its bytes and the team store
/// over its stored lines (<c>IRunStore.VerifyChain</c>); the journal knows no store.
/// </summary>
internal static class JournalIntegrity
{
    /// <summary>What is shown for a run whose journal could not be checked (neither a file nor a team-store run).</summary>
    public const string NotChecked = "not chained";
}
