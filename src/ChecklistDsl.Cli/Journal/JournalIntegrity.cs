using ChecklistDsl.Cli.Stores;
using ChecklistDsl.Cli.Stores.Postgres;

namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// The integrity verdict of a stored run, for status, report and verify: a journal file is checked by
/// its hash chain over its bytes (<see cref="JournalChain"/>); a run in the team store (PostgreSQL) by
/// the same chain over its stored lines.
/// </summary>
internal static class JournalIntegrity
{
    /// <summary>What is shown for a run whose journal could not be checked (neither a file nor a team-store run).</summary>
    public const string NotChecked = "not chained";

    /// <summary>The verdict of run <paramref name="runId"/> stored at <paramref name="location"/>, or null when there is nothing to check.</summary>
    public static ChainVerdict? Of(IRunStore store, string runId, string location) => store switch
    {
        PostgresRunStore postgres => postgres.VerifyChain(runId),
        _ => File.Exists(location) ? JournalChain.Verify(location) : null,
    };
}
