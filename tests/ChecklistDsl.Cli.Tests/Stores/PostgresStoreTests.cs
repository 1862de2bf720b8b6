using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ChecklistDsl.Cli.Tests.Cli;
using ChecklistDsl.Cli.Tests.Support;
using RepositoryRoot = ChecklistDsl.Tests.Shared.RepositoryRoot;

namespace ChecklistDsl.Cli.Tests.Stores;

/// <summary>
/// The PostgreSQL run store against a real server (<see cref="TestDatabase"/>: a fresh database per test),
/// through the real <c>checklist</c> process.
/// </summary>
[TestClass]
public sealed class PostgresStoreTests
{
    internal static string[] Slow(TempFolder folder, string store, params string[] more) =>
        ["run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--store", store, .. more, "--assembly", SampleChecklists.AssemblyPath];

    internal static string[] Sync(TempFolder folder, string store, params string[] more) =>
        ["run", "ProductionToStagingSync", "--input", $"WorkDir={folder.WorkDir}", "--input", "StagingHost=staging.local", "--yes", "--store", store, .. more, "--assembly", SampleChecklists.AssemblyPath];

    private static CliResult Cli(TempFolder folder, params string[] args) => CliProcess.Run(folder.Path, Sample.Environment(), args);

    [TestMethod]
    public void Twenty_runs_of_one_checklist_and_target_at_once_one_runs_and_nineteen_get_exit_4_naming_it()
    {
        using var database = TestDatabase.Create();
        using var folder = new TempFolder();
        var hold = Path.Combine(folder.WorkDir, "hold");
        File.WriteAllText(hold, "");
        var started = Enumerable.Range(0, 20)
            .Select(_ => (Process: CliProcess.Start(folder.Path, null, Slow(folder, database.ConnectionString), out var o, out var e), Out: o, Err: e))
            .ToArray();
        try
        {
            // The losers end on their own; the winner waits in its Hold step.
            var watch = Stopwatch.StartNew();
            while (started.Count(p => p.Process.HasExited) < 19 && watch.Elapsed < TimeSpan.FromMinutes(3))
                Thread.Sleep(200);
            Assert.AreEqual(19, started.Count(p => p.Process.HasExited), "19 processes ended while one holds the lock");
        }
        finally
        {
            File.Delete(hold);
        }
        var results = started.Select(p => CliProcess.Wait(p.Process, p.Out, p.Err)).ToArray();
        foreach (var p in started)
            p.Process.Dispose();

        var runIds = database.Column("SELECT run_id FROM runs");
        Assert.HasCount(1, runIds, "exactly one run was started");
        Assert.AreEqual(1, results.Count(r => r.ExitCode == 0), string.Join("\n", results.Select(r => r.ToString())));
        var refused = results.Where(r => r.ExitCode != 0).ToArray();
        Assert.HasCount(19, refused);
        foreach (var r in refused)
        {
            Assert.AreEqual(4, r.ExitCode, r.ToString());
            Assert.Contains("already running against target 'default'", r.Error);
            Assert.Contains($"run {runIds[0]} by postgres on {Environment.MachineName}", r.Error, "names the holder: run id, user, host");
            Assert.Contains(" since ", r.Error);
        }
        CollectionAssert.AreEqual(new[] { "first", "hold", "bounded", "last" }, folder.Log(), "one run's commands, once");
        Assert.AreEqual("0", database.Column("SELECT count(*) FROM run_locks")[0], "the winner released its lock");
    }

    [TestMethod]
    public void A_run_stops_before_its_next_action_when_the_server_goes_away_and_resumes_at_the_right_step_after_a_restart()
    {
        // Its own throwaway cluster: this test stops the server.
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.Variable)))
            Assert.Inconclusive($"{TestDatabase.Variable} is not set: the PostgreSQL store tests need a real server (.ci/run provides one).");
        using var folder = new TempFolder();
        var cluster = Path.Combine(folder.Path, "pg");
        var store = Cluster("start", cluster).Trim();
        try
        {
            var hold = Path.Combine(folder.WorkDir, "hold");
            File.WriteAllText(hold, "");
            using var process = CliProcess.Start(folder.Path, null, Slow(folder, store), out var stdout, out var stderr);
            var before = WaitForRecords(store, "command-started", "Hold", process);

            Cluster("stop", cluster);
            File.Delete(hold); // The Hold command ends; its end can no longer be recorded.
            var stopped = CliProcess.Wait(process, stdout, stderr);

            Assert.AreEqual(5, stopped.ExitCode, stopped.ToString());
            Assert.Contains("The run stopped at 'Hold' before its next action", stopped.Error);
            Assert.Contains("once the database can be reached again, `checklist resume", stopped.Error);
            CollectionAssert.AreEqual(new[] { "first", "hold" }, folder.Log(), "no action after the lost record");

            Assert.AreEqual(store, Cluster("start", cluster).Trim());
            var after = Records(store);
            CollectionAssert.AreEqual(before, after.Take(before.Count).ToList(), "every record acknowledged before the stop is there");
            var runId = Scalar(store, "SELECT run_id FROM runs");

            var resumed = CliProcess.Run(folder.Path, null, "resume", runId, "--yes", "--store", store, "--assembly", SampleChecklists.AssemblyPath);

            Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
            Assert.Contains("its end was never recorded", resumed.Output);
            CollectionAssert.AreEqual(new[] { "first", "hold", "hold", "bounded", "last" }, folder.Log(), "resumed at Hold, First not repeated");
            Assert.AreEqual("Completed", Scalar(store, "SELECT state FROM runs"));
        }
        finally
        {
            Cluster("stop", cluster);
        }
    }

    [TestMethod]
    public void A_run_whose_session_is_cut_stops_before_its_next_action_and_its_claim_still_keeps_a_second_run_out()
    {
        using var database = TestDatabase.Create();
        using var folder = new TempFolder();
        var hold = Path.Combine(folder.WorkDir, "hold");
        File.WriteAllText(hold, "");
        using var process = CliProcess.Start(folder.Path, null, Slow(folder, database.ConnectionString), out var stdout, out var stderr);
        WaitForRecords(database.ConnectionString, "command-started", "Hold", process);

        // The server stays up; only the run's session goes (a network cut, an admin): its advisory lock goes with it.
        database.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database.Name}' AND application_name = 'checklist'");
        var second = Cli(folder, Slow(folder, database.ConnectionString));
        File.Delete(hold);
        var first = CliProcess.Wait(process, stdout, stderr);

        Assert.AreEqual(4, second.ExitCode, "the unfinished run still claims the target: " + second);
        Assert.Contains("claimed for target 'default' by run", second.Error);
        Assert.AreEqual(5, first.ExitCode, first.ToString());
        Assert.Contains("The run stopped at 'Hold' before its next action", first.Error);
        CollectionAssert.AreEqual(new[] { "first", "hold" }, folder.Log(), "neither run took another action");
        var runId = database.Column("SELECT run_id FROM runs").Single()!;
        var resumed = Cli(folder, "resume", runId, "--yes", "--store", database.ConnectionString, "--assembly", SampleChecklists.AssemblyPath);
        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        CollectionAssert.AreEqual(new[] { "first", "hold", "hold", "bounded", "last" }, folder.Log());
    }

    [TestMethod]
    public void Quotes_sql_and_unicode_in_targets_inputs_and_comments_round_trip_exactly()
    {
        using var database = TestDatabase.Create();
        using var folder = new TempFolder();
        const string Tricky = "O'Brien \"eu-west\" '; DROP TABLE runs; -- ünïcødé 日本 🚀 \\ %_";

        var paused = Cli(folder, ["run", "ProductionToStagingSync", "--input", $"WorkDir={folder.WorkDir}", "--input", $"StagingHost={Tricky}",
            "--target", Tricky, "--yes", "--store", database.ConnectionString, "--assembly", SampleChecklists.AssemblyPath]);
        Assert.AreEqual(5, paused.ExitCode, paused.ToString());
        var runId = database.Column("SELECT run_id FROM runs").Single()!;
        var abandoned = Cli(folder, "abandon", runId, "--comment", Tricky, "--store", database.ConnectionString);
        Assert.AreEqual(0, abandoned.ExitCode, abandoned.ToString());

        Assert.AreEqual(Tricky, database.Column("SELECT target FROM runs").Single());
        Assert.AreEqual(Tricky, database.Column("SELECT record->'inputs'->>'StagingHost' FROM run_records WHERE type = 'header'").Single());
        Assert.AreEqual(Tricky, database.Column("SELECT record->>'text' FROM run_records WHERE type = 'abandoned'").Single());
        var history = Cli(folder, "history", "--target", Tricky, "--json", "--store", database.ConnectionString);
        Assert.AreEqual(0, history.ExitCode, history.ToString());
        var row = JsonDocument.Parse(history.Output).RootElement.EnumerateArray().Single();
        Assert.AreEqual(Tricky, row.GetProperty("target").GetString());
        Assert.AreEqual("Abandoned", row.GetProperty("outcome").GetString());
        // A prefix that is a LIKE pattern matches nothing it should not.
        Assert.AreEqual(3, Cli(folder, "abandon", "%", "--comment", "x", "--store", database.ConnectionString).ExitCode);
    }

    [TestMethod]
    public void A_secret_is_nowhere_in_the_database_and_the_connection_password_nowhere_in_any_output()
    {
        using var database = TestDatabase.Create();
        using var folder = new TempFolder();
        const string DeployToken = "dtok-5Jq2-Wv8n-Lp3z";
        const string KeyBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
        var secrets = new Dictionary<string, string>
        {
            ["DEPLOY_TOKEN"] = DeployToken,
            ["DB_PASSWORD"] = "pw-7Hk2-plain",
            ["SIGNING_KEY"] = "-----BEGIN TEST KEY-----\n" + KeyBody + "\n-----END TEST KEY-----",
        };
        var outputs = new List<CliResult>
        {
            CliProcess.Run(folder.Path, secrets, "run", "TalkativeCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--store", database.ConnectionString, "--assembly", SampleChecklists.AssemblyPath),
        };
        Assert.AreEqual(0, outputs[0].ExitCode, outputs[0].ToString());
        outputs.Add(Cli(folder, "status", "--store", database.ConnectionString));
        outputs.Add(Cli(folder, "history", "--json", "--store", database.ConnectionString));
        outputs.Add(Cli(folder, "status", "--store", database.ConnectionString.Replace(database.Name, "no_such_db", StringComparison.Ordinal)));
        outputs.Add(Cli(folder, "status", "--store", database.ConnectionString + ";Port=1"));
        outputs.Add(Cli(folder, "status", "--store", database.ConnectionString + ";Bogus Key=1"));
        var wrong = database.With("postgres", "wrong-pw-Zq81");
        outputs.Add(Cli(folder, "status", "--store", wrong));

        var dump = database.Dump();
        Assert.Contains("token is ***", dump, "the run's redacted output is in the database");
        foreach (var secret in new[] { DeployToken, KeyBody, "pw-7Hk2-plain" })
            Assert.DoesNotContain(secret, dump);
        foreach (var output in outputs)
        {
            Assert.DoesNotContain(database.Password, output.Output + output.Error, output.ToString());
            Assert.DoesNotContain("wrong-pw-Zq81", output.Output + output.Error, output.ToString());
        }
        Assert.AreEqual(3, outputs[^1].ExitCode, outputs[^1].ToString());
    }

    [TestMethod]
    public void Bad_store_inputs_each_exit_3_with_a_clear_message_and_nothing_is_run_or_written_to_the_file_store()
    {
        using var newer = TestDatabase.Create();
        using var damaged = TestDatabase.Create();
        using var folder = new TempFolder();
        Assert.AreEqual(0, Cli(folder, "store", "migrate", "--store", newer.ConnectionString).ExitCode);
        newer.Execute("INSERT INTO checklist_schema_versions (scriptname, applied) VALUES ('ChecklistDsl.Cli.Stores.Postgres.Migrations.0099_future.sql', now())");
        Assert.AreEqual(0, Cli(folder, "store", "migrate", "--store", damaged.ConnectionString).ExitCode);
        damaged.Execute("DROP TABLE run_records");

        var cases = new (string Store, string Message)[]
        {
            (newer.ConnectionString.Replace($"Port={newer.Port}", $"Port={ClosedPort()}", StringComparison.Ordinal), "Cannot reach the run store"),
            (newer.With("postgres", "not-the-password"), "refused the login"),
            (newer.ConnectionString, "has a newer schema than this checklist tool knows"),
            (damaged.ConnectionString, "lacks part of its schema (relation \"run_records\" does not exist)"),
            ("Hots=nowhere", "connection string is not valid"),
        };
        foreach (var (store, message) in cases)
        {
            var result = Cli(folder, Slow(folder, store));
            Assert.AreEqual(3, result.ExitCode, result.ToString());
            Assert.Contains(message, result.Error);
            Assert.DoesNotContain("   at ", result.Error, "no stack trace");
        }
        Assert.IsFalse(Directory.Exists(Path.Combine(folder.Path, ".checklist")), "nothing written to the file store");
        Assert.IsEmpty(folder.Log(), "no step was run");
        Assert.AreEqual("1", newer.Column("SELECT count(*) FROM checklist_schema_versions WHERE scriptname LIKE '%0001%'")[0]);
        Assert.IsEmpty(newer.Column("SELECT run_id FROM runs"), "a newer store is never written to");
    }

    [TestMethod]
    public void A_paused_run_keeps_its_claim_until_abandoned_and_history_lists_every_run_with_its_outcome()
    {
        using var database = TestDatabase.Create();
        using var folder = new TempFolder();
        var store = database.ConnectionString;

        var first = Cli(folder, Sync(folder, store));
        Assert.AreEqual(5, first.ExitCode, first.ToString());
        Assert.Contains("Waiting for Release manager (0 of 1)", first.Output);
        Assert.Contains("--role \"Release manager\"` are kept; `checklist resume", first.Output);
        var firstId = database.Column("SELECT run_id FROM runs").Single()!;

        var second = Cli(folder, Sync(folder, store));
        Assert.AreEqual(4, second.ExitCode, second.ToString());
        Assert.Contains($"claimed for target 'default' by run {firstId}", second.Error);
        Assert.Contains($"checklist abandon {firstId}", second.Error);
        var otherTarget = Cli(folder, Sync(folder, store, "--target", "other"));
        Assert.AreEqual(5, otherTarget.ExitCode, "another target is not claimed: " + otherTarget);

        var noComment = Cli(folder, "abandon", firstId, "--store", store);
        Assert.AreEqual(3, noComment.ExitCode, noComment.ToString());
        // A prefix, but not only the start time: the run for the other target may have started in the same second.
        var abandoned = Cli(folder, "abandon", firstId[..^2], "--comment", "window missed", "--store", store);
        Assert.AreEqual(0, abandoned.ExitCode, abandoned.ToString());
        var third = Cli(folder, Sync(folder, store));
        Assert.AreEqual(5, third.ExitCode, "the target is free again: " + third);
        var resumeAbandoned = Cli(folder, "resume", firstId, "--yes", "--store", store, "--assembly", SampleChecklists.AssemblyPath);
        Assert.AreEqual(2, resumeAbandoned.ExitCode, resumeAbandoned.ToString());
        Assert.Contains("was abandoned", resumeAbandoned.Output);

        var history = Cli(folder, "history", "ProductionToStagingSync", "--target", "default", "--json", "--store", store);
        var rows = JsonDocument.Parse(history.Output).RootElement.EnumerateArray().ToArray();
        Assert.HasCount(2, rows, history.ToString());
        Assert.AreEqual("paused", rows[0].GetProperty("outcome").GetString(), "newest first");
        Assert.AreEqual("Abandoned", rows[1].GetProperty("outcome").GetString());
        Assert.AreEqual(firstId, rows[1].GetProperty("runId").GetString());
        Assert.AreEqual("postgres", rows[1].GetProperty("operator").GetString());
        Assert.AreEqual(Environment.MachineName, rows[1].GetProperty("host").GetString());
        Assert.IsTrue(rows[1].TryGetProperty("durationSeconds", out _));
        var table = Cli(folder, "history", "--store", store);
        Assert.Contains("Outcome", table.Output);
        Assert.AreEqual(3, table.Output.Split('\n').Count(l => l.Contains("ProductionToStagingSync", StringComparison.Ordinal)), table.Output);
    }

    [TestMethod]
    public void A_killed_run_keeps_its_claim_its_unlock_is_recorded_and_it_resumes_from_another_folder_under_the_database_login()
    {
        using var database = TestDatabase.Create();
        using var folder = new TempFolder();
        using var elsewhere = new TempFolder();
        Assert.AreEqual(0, Cli(folder, "store", "migrate", "--store", database.ConnectionString).ExitCode);
        var operatorLogin = database.CreateLogin("ops");
        var hold = Path.Combine(folder.WorkDir, "hold");
        File.WriteAllText(hold, "");
        using (var process = CliProcess.Start(folder.Path, null, Slow(folder, operatorLogin), out var stdout, out var stderr))
        {
            WaitForRecords(database.ConnectionString, "command-started", "Hold", process);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            _ = (stdout.Result, stderr.Result);
        }
        var runId = database.Column("SELECT run_id FROM runs").Single()!;
        var login = new Npgsql.NpgsqlConnectionStringBuilder(operatorLogin).Username!;
        Assert.AreEqual(login, database.Column("SELECT operator FROM runs").Single(), "the operator is the database login");
        Assert.AreEqual(login, database.Column("SELECT record->>'user' FROM run_records WHERE type = 'header'").Single());

        var status = Cli(elsewhere, "status", "--store", operatorLogin);
        Assert.Contains("stopped: Hold (resumable)", status.Output, status.ToString());
        var blocked = Cli(elsewhere, Slow(elsewhere, operatorLogin));
        Assert.AreEqual(4, blocked.ExitCode, blocked.ToString());
        Assert.Contains($"by run {runId}", blocked.Error);

        var unlocked = Cli(elsewhere, "unlock", "SlowCommands", "--store", operatorLogin);
        Assert.AreEqual(0, unlocked.ExitCode, unlocked.ToString());
        Assert.AreEqual(login, database.Column("SELECT record->>'user' FROM run_records WHERE type = 'unlocked'").Single(), "recorded in the run's journal");
        Assert.AreEqual(3, Cli(elsewhere, "unlock", "SlowCommands", "--store", operatorLogin).ExitCode, "no lock left to clear");

        File.Delete(hold);
        var resumed = CliProcess.Run(elsewhere.Path, null, "resume", runId[..24], "--yes", "--store", operatorLogin, "--assembly", SampleChecklists.AssemblyPath);
        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        CollectionAssert.AreEqual(new[] { "first", "hold", "bounded", "last" }, folder.Log());
        Assert.AreEqual("Completed", database.Column("SELECT state FROM runs").Single());
        Assert.AreEqual("4", database.Column("SELECT steps_done FROM runs").Single());
    }

    [TestMethod]
    public void Store_migrate_creates_the_schema_once_and_first_use_says_so()
    {
        using var database = TestDatabase.Create();
        using var folder = new TempFolder();

        var firstUse = Cli(folder, "status", "--store", database.ConnectionString);
        var migrate = Cli(folder, "store", "migrate", "--store", database.ConnectionString);
        var fileStore = Cli(folder, "store", "migrate");

        Assert.AreEqual(0, firstUse.ExitCode, firstUse.ToString());
        Assert.Contains("Creating the run store's tables", firstUse.Error);
        Assert.AreEqual(0, migrate.ExitCode, migrate.ToString());
        Assert.Contains("up to date (schema version 2)", migrate.Output);
        Assert.AreEqual(3, fileStore.ExitCode, fileStore.ToString());
        CollectionAssert.AreEquivalent(new[] { "runs", "run_records", "run_locks", "checklist_schema_versions" },
            database.Column("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
    }

    /// <summary>Waits until the store holds a record of this type and state; returns every record's type and state so far.</summary>
    private static List<string> WaitForRecords(string store, string type, string state, Process process)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < CliProcess.Limit)
        {
            Assert.IsFalse(process.HasExited, "the run ended before the awaited record");
            try
            {
                var records = Records(store);
                if (records.Contains($"{type} {state}"))
                    return records;
            }
            catch (Npgsql.PostgresException)
            {
                // Not migrated yet.
            }
            Thread.Sleep(100);
        }
        Assert.Fail($"No {type} record of {state} within {CliProcess.Limit}.");
        return [];
    }

    private static List<string> Records(string store)
    {
        using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(store) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT type || ' ' || coalesce(record->>'state', '') || coalesce(record->>'destination', '') FROM run_records ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var records = new List<string>();
        while (reader.Read())
            records.Add(reader.GetString(0).Trim());
        return records;
    }

    private static string Scalar(string store, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(store) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    /// <summary>scripts/postgres-cluster.sh: a throwaway cluster in <paramref name="folder"/>.</summary>
    private static string Cluster(string verb, string folder)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { RepositoryRoot.Combine("scripts", "postgres-cluster.sh"), verb, folder },
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"postgres-cluster.sh {verb}: {error.Result}");
        return output;
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
