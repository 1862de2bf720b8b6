using System.Text.Json;
using ChecklistDsl.Cli.Tests.Cli;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Stores;

/// <summary>The file store as the default store, and how a store is chosen (no server needed).</summary>
[TestClass]
public sealed class FileStoreTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=checklists;Username=nobody;Timeout=5";

    [TestMethod]
    public void The_store_comes_from_the_option_else_the_environment_else_checklist_json_else_the_folder()
    {
        using var folder = new TempFolder();
        var fromEnvironment = Sample.Cli(folder, Sample.Environment(("CHECKLIST_STORE", Unreachable)), "run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes");
        var optionWins = Sample.Cli(folder, Sample.Environment(("CHECKLIST_STORE", Unreachable)), "run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--store", "file");
        File.WriteAllText(Path.Combine(folder.Path, "checklist.json"), JsonSerializer.Serialize(new { store = Unreachable }));
        var fromConfig = CliProcess.Run(folder.Path, null, "history");
        var environmentWins = CliProcess.Run(folder.Path, new Dictionary<string, string> { ["CHECKLIST_STORE"] = "file" }, "history");
        File.WriteAllText(Path.Combine(folder.Path, "checklist.json"), "{ \"store\": 42 }");
        var badConfig = CliProcess.Run(folder.Path, null, "history");

        Assert.AreEqual(3, fromEnvironment.ExitCode, fromEnvironment.ToString());
        Assert.Contains("Cannot reach the run store PostgreSQL 127.0.0.1:1/checklists", fromEnvironment.Error);
        Assert.AreEqual(0, optionWins.ExitCode, optionWins.ToString());
        Assert.HasCount(1, Directory.GetFiles(folder.RunsFolder), "--store file ran in .checklist/, the unreachable store wrote nothing");
        Assert.AreEqual(3, fromConfig.ExitCode, fromConfig.ToString());
        Assert.Contains("Cannot reach the run store", fromConfig.Error);
        Assert.AreEqual(0, environmentWins.ExitCode, environmentWins.ToString());
        Assert.Contains("SlowCommands", environmentWins.Output);
        Assert.AreEqual(3, badConfig.ExitCode, badConfig.ToString());
        Assert.Contains("\"store\" entry of", badConfig.Error);
    }

    [TestMethod]
    public void A_typed_approver_name_is_recorded_and_shown_as_unverified_and_the_operator_is_the_os_user()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Dana"));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains("Approved by Dana (Release manager). (unverified name)", result.Output);
        var records = Journals.Records(folder.Journal());
        var approval = records.Single(r => r.Type() == "approval");
        Assert.IsFalse(approval.GetProperty("verified").GetBoolean());
        Assert.AreEqual(Environment.UserName, records[0].Text("user"));
    }

    [TestMethod]
    public void History_lists_the_runs_newest_first_with_operator_host_outcome_and_duration()
    {
        using var folder = new TempFolder();
        Assert.AreEqual(0, Sample.Cli(folder, Sample.Environment(), "run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes").ExitCode);
        Assert.AreEqual(5, Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder)).ExitCode);

        var all = CliProcess.Run(folder.Path, null, "history", "--json");
        var slow = CliProcess.Run(folder.Path, null, "history", "SlowCommands", "--target", "default", "--json");
        var none = CliProcess.Run(folder.Path, null, "history", "SlowCommands", "--target", "elsewhere");

        var rows = JsonDocument.Parse(all.Output).RootElement.EnumerateArray().ToArray();
        Assert.HasCount(2, rows, all.ToString());
        Assert.AreEqual("ProductionToStagingSync", rows[0].GetProperty("checklist").GetString());
        Assert.AreEqual("paused", rows[0].GetProperty("outcome").GetString());
        Assert.AreEqual("Completed", rows[1].GetProperty("outcome").GetString());
        Assert.AreEqual(Environment.UserName, rows[1].GetProperty("operator").GetString());
        Assert.AreEqual(Environment.MachineName, rows[1].GetProperty("host").GetString());
        Assert.IsTrue(rows[1].GetProperty("durationSeconds").GetDouble() >= 0);
        Assert.HasCount(1, JsonDocument.Parse(slow.Output).RootElement.EnumerateArray().ToArray());
        Assert.Contains("No runs of SlowCommands against 'elsewhere'", none.Output);
    }

    [TestMethod]
    public void Unlocking_a_dead_runs_lock_is_recorded_in_its_journal_and_the_run_still_claims_its_target()
    {
        using var folder = new TempFolder();
        var hold = Path.Combine(folder.WorkDir, "hold");
        File.WriteAllText(hold, "");
        using (var process = CliProcess.Start(folder.Path, null,
                   ["run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--assembly", SampleChecklists.AssemblyPath], out var stdout, out var stderr))
        {
            Journals.WaitForRecord(folder, "\"state\":\"Hold\"", process);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            _ = (stdout.Result, stderr.Result);
        }
        var journal = folder.Journal();
        var runId = Journals.Records(journal)[0].Text("runId")!;

        var unlocked = CliProcess.Run(folder.Path, null, "unlock", "SlowCommands");
        var blocked = Sample.Cli(folder, null, "run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes");

        Assert.AreEqual(0, unlocked.ExitCode, unlocked.ToString());
        var last = Journals.Records(journal)[^1];
        Assert.AreEqual("unlocked", last.Type());
        Assert.Contains($"run {runId}", last.Text("text")!);
        Assert.AreEqual(4, blocked.ExitCode, blocked.ToString());
        Assert.Contains($"by run {runId}", blocked.Error);
        File.Delete(hold);
        var resumed = Sample.Cli(folder, null, "resume", runId, "--yes");
        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
    }
}
