using System.Text.Json;
using ChecklistDsl.Cli.Tests.Cli;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Stores;

/// <summary>
/// The hash chain of runs in the team store, against a real PostgreSQL server (<see cref="TestDatabase"/>),
/// through the real <c>checklist</c> process: verify, status and report check the stored lines.
/// </summary>
[TestClass]
public sealed class PostgresChainTests
{
    private static CliResult Cli(TempFolder folder, params string[] args) => CliProcess.Run(folder.Path, Sample.Environment(), args);

    [TestMethod]
    public void A_postgres_run_verifies_intact_and_a_changed_exit_code_or_a_deleted_record_is_named_with_exit_6()
    {
        using var database = TestDatabase.Create();
        using var folder = new TempFolder();
        var store = database.ConnectionString;
        var ran = Cli(folder, PostgresStoreTests.Slow(folder, store));
        Assert.AreEqual(0, ran.ExitCode, ran.ToString());
        var runId = database.Column("SELECT run_id FROM runs").Single()!;
        var count = int.Parse(database.Column("SELECT count(*) FROM run_records")[0]!);
        Assert.AreEqual("0", database.Column("SELECT count(*) FROM run_records WHERE line IS NULL")[0], "every record is sealed");

        var intact = Cli(folder, "verify", runId, "--store", store);
        Assert.AreEqual(0, intact.ExitCode, intact.ToString());
        Assert.Contains($"intact ({count} records)", intact.Output);
        var head = JsonDocument.Parse(Cli(folder, "verify", runId, "--json", "--store", store).Output).RootElement.GetProperty("head").GetString()!;
        Assert.AreEqual(0, Cli(folder, "verify", runId, "--head", head, "--store", store).ExitCode, "the noted head matches");
        var status = Cli(folder, "status", runId, "--json", "--store", store);
        Assert.AreEqual(0, status.ExitCode, status.ToString());
        Assert.AreEqual($"intact ({count} records)", JsonDocument.Parse(status.Output).RootElement[0].GetProperty("integrity").GetString());
        var report = Cli(folder, "report", runId, "--format", "json", "--store", store);
        Assert.AreEqual(0, report.ExitCode, report.ToString());
        Assert.AreEqual("intact", JsonDocument.Parse(report.Output).RootElement.GetProperty("integrity").GetProperty("status").GetString());

        // An exit code changed in one stored line: that record's own hash no longer fits.
        var position = database.Column("""
            SELECT n FROM (SELECT row_number() OVER (ORDER BY id) AS n, line FROM run_records) r
            WHERE line LIKE '%"exitCode":0%' ORDER BY n LIMIT 1
            """).Single()!;
        var original = database.Column("SELECT line FROM (SELECT row_number() OVER (ORDER BY id) AS n, line FROM run_records) r WHERE n = " + position).Single()!;
        database.Execute($"UPDATE run_records SET line = replace(line, '\"exitCode\":0', '\"exitCode\":1') WHERE id = (SELECT id FROM run_records ORDER BY id OFFSET {int.Parse(position) - 1} LIMIT 1)");
        var edited = Cli(folder, "verify", runId, "--store", store);
        Assert.AreEqual(6, edited.ExitCode, edited.ToString());
        Assert.Contains($"broken: record {position} (", edited.Output);
        Assert.Contains("does not match its hash", edited.Output);
        var brokenStatus = Cli(folder, "status", runId, "--json", "--store", store);
        StringAssert.StartsWith(JsonDocument.Parse(brokenStatus.Output).RootElement[0].GetProperty("integrity").GetString(), $"broken: record {position} (");
        var brokenReport = Cli(folder, "report", runId, "--format", "json", "--store", store);
        Assert.AreEqual("broken", JsonDocument.Parse(brokenReport.Output).RootElement.GetProperty("integrity").GetProperty("status").GetString(), brokenReport.ToString());

        // Put back: intact again; then a record deleted from the middle breaks the next one's link.
        database.Execute($"UPDATE run_records SET line = replace(line, '\"exitCode\":1', '\"exitCode\":0') WHERE id = (SELECT id FROM run_records ORDER BY id OFFSET {int.Parse(position) - 1} LIMIT 1)");
        Assert.AreEqual(original, database.Column("SELECT line FROM (SELECT row_number() OVER (ORDER BY id) AS n, line FROM run_records) r WHERE n = " + position).Single());
        Assert.AreEqual(0, Cli(folder, "verify", runId, "--store", store).ExitCode);
        database.Execute("DELETE FROM run_records WHERE id = (SELECT id FROM run_records ORDER BY id OFFSET 2 LIMIT 1)");
        var deleted = Cli(folder, "verify", runId, "--store", store);
        Assert.AreEqual(6, deleted.ExitCode, deleted.ToString());
        Assert.Contains("broken: record 3 (", deleted.Output);
        Assert.Contains("does not follow record 2", deleted.Output);
    }

    [TestMethod]
    public void An_outside_decision_continues_the_chain_and_a_run_stored_before_the_chain_reads_unchained_not_broken()
    {
        using var database = TestDatabase.Create();
        using var folder = new TempFolder();
        var store = database.ConnectionString;
        var paused = Cli(folder, PostgresStoreTests.Sync(folder, store));
        Assert.AreEqual(5, paused.ExitCode, paused.ToString());
        var runId = database.Column("SELECT run_id FROM runs").Single()!;
        var abandoned = Cli(folder, "abandon", runId, "--comment", "not today", "--store", store);
        Assert.AreEqual(0, abandoned.ExitCode, abandoned.ToString());
        var count = database.Column("SELECT count(*) FROM run_records")[0];
        var intact = Cli(folder, "verify", runId, "--store", store);
        Assert.AreEqual(0, intact.ExitCode, intact.ToString());
        Assert.Contains($"intact ({count} records)", intact.Output, "the abandon record, written by another process, is chained too");

        // A run as stored before migration 0002 (no lines, records without a chain), paused: a record added to it now stays unchained too.
        var before = Cli(folder, PostgresStoreTests.Sync(folder, store, "--target", "older"));
        Assert.AreEqual(5, before.ExitCode, before.ToString());
        var olderId = database.Column("SELECT run_id FROM runs WHERE target = 'older'").Single()!;
        database.Execute($"UPDATE run_records SET line = NULL, record = record - 'prev' - 'hash' WHERE run_id = '{olderId}'");
        Assert.AreEqual(0, Cli(folder, "abandon", olderId, "--comment", "old", "--store", store).ExitCode);
        Assert.AreEqual("0", database.Column($"SELECT count(*) FROM run_records WHERE run_id = '{olderId}' AND line IS NOT NULL")[0], "no chained record spliced into an older run");
        var older = Cli(folder, "verify", olderId, "--store", store);
        Assert.AreEqual(0, older.ExitCode, older.ToString());
        Assert.Contains("unchained (older format)", older.Output);
        var status = Cli(folder, "status", "--json", "--store", store);
        var verdicts = JsonDocument.Parse(status.Output).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("runId").GetString()!, r => r.GetProperty("integrity").GetString());
        Assert.AreEqual("unchained (older format)", verdicts[olderId], status.ToString());
        Assert.AreEqual($"intact ({count} records)", verdicts[runId], status.ToString());
    }
}
