using System.Text.RegularExpressions;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>Every hint the tool prints works as printed, from whatever folder the operator is in.</summary>
[TestClass]
public sealed class PastedHintTests
{
    [TestMethod]
    public void The_resume_hint_of_a_run_started_with_its_own_state_folder_and_assembly_works_from_another_folder()
    {
        using var folder = new TempFolder();
        var started = Path.Combine(folder.Path, "started-here");
        var elsewhere = Path.Combine(folder.Path, "somewhere-else");
        var state = Path.Combine(folder.Path, "state");
        Directory.CreateDirectory(started);
        Directory.CreateDirectory(elsewhere);

        var paused = CliProcess.Run(started, Sample.Environment(),
            "run", "ProductionToStagingSync", "--input", $"WorkDir={folder.WorkDir}", "--input", "StagingHost=staging.local", "--yes",
            "--state-dir", state, "--assembly", SampleChecklists.AssemblyPath);
        Assert.AreEqual(5, paused.ExitCode, paused.ToString());
        var hint = Regex.Match(paused.Output, "`(checklist resume [^`]+)`");
        Assert.IsTrue(hint.Success, paused.Output);
        var runId = hint.Groups[1].Value.Split(' ')[2];

        var header = Journals.Records(Directory.GetFiles(Path.Combine(state, "runs"), "*.jsonl").Single())[0];
        Assert.AreEqual(SampleChecklists.AssemblyPath, header.Text("assembly"));
        Assert.AreEqual(state, header.Text("stateDir"));
        var status = CliProcess.Run(elsewhere, null, "status", runId, "--json");
        Assert.AreEqual(0, status.ExitCode, status.ToString());
        Assert.Contains("\"checklist\":\"ProductionToStagingSync\"", status.Output);
        Assert.Contains("resumable", status.Output);
        // Every verb that reads runs takes the run's own options, so a command line can be reused.
        var sameOptions = CliProcess.Run(elsewhere, null, "status", runId, "--state-dir", state, "--assembly", SampleChecklists.AssemblyPath, "--no-build");
        Assert.AreEqual(0, sameOptions.ExitCode, sameOptions.ToString());

        // The hint as printed (checklist resume RUN), with the answers a script adds; no --assembly, no --state-dir.
        var resumed = CliProcess.Run(elsewhere, Sample.Environment(), [.. hint.Groups[1].Value.Split(' ')[1..], "--yes", "--approver", "Alice"]);

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        CollectionAssert.AreEqual(Sample.FullSyncLog, folder.Log());
        Assert.IsFalse(Directory.Exists(Path.Combine(elsewhere, ".checklist")), "no state folder was made where the hint was pasted");
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(state, "locks")), "the run's own lock was taken and released");
    }

    [TestMethod]
    public void A_run_started_with_project_resumes_by_its_id_from_a_folder_without_a_project()
    {
        using var folder = new TempFolder();
        var elsewhere = Path.Combine(folder.Path, "no-project-here");
        Directory.CreateDirectory(elsewhere);
        // --no-build: the fixture is built once per test run; resume finds the project from the journal all the same.
        var paused = CliProcess.Run(folder.Path, Sample.Environment(),
            [.. Sample.SyncRun(folder), "--project", SampleChecklists.ProjectFolder, "--no-build"]);
        Assert.AreEqual(5, paused.ExitCode, paused.ToString());
        var header = Journals.Records(folder.Journal())[0];
        Assert.AreEqual(Path.Combine(SampleChecklists.ProjectFolder, "SampleChecklists.csproj"), header.Text("project"));
        var hint = Regex.Match(paused.Output, "`(checklist resume [^`]+)`");
        Assert.IsTrue(hint.Success, paused.Output);

        var resumed = CliProcess.Run(elsewhere, Sample.Environment(), [.. hint.Groups[1].Value.Split(' ')[1..], "--yes", "--approver", "Alice", "--no-build"]);

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        Assert.DoesNotContain("No .csproj", resumed.Error);
        CollectionAssert.AreEqual(Sample.FullSyncLog, folder.Log());
    }

    [TestMethod]
    public void A_stale_lock_hint_names_the_run_and_unlock_with_the_run_id_works_from_another_folder()
    {
        using var folder = new TempFolder();
        var state = Path.Combine(folder.Path, "state");
        var elsewhere = Path.Combine(folder.Path, "somewhere-else");
        Directory.CreateDirectory(elsewhere);
        var crashed = CliProcess.Run(folder.Path, Sample.Environment(("CHECKLIST_TEST_CRASH_AFTER_RECORDS", "3")),
            [.. Sample.SyncRun(folder, "--approver", "Alice"), "--state-dir", state, "--assembly", SampleChecklists.AssemblyPath]);
        Assert.AreEqual(137, crashed.ExitCode, crashed.ToString());

        var blocked = CliProcess.Run(folder.Path, Sample.Environment(),
            [.. Sample.SyncRun(folder, "--approver", "Alice"), "--state-dir", state, "--assembly", SampleChecklists.AssemblyPath]);
        Assert.AreEqual(4, blocked.ExitCode, blocked.ToString());
        var unlockHint = Regex.Match(blocked.Error, "`(checklist unlock [^`]+)`");
        Assert.IsTrue(unlockHint.Success, blocked.Error);

        var unlocked = CliProcess.Run(elsewhere, null, unlockHint.Groups[1].Value.Split(' ')[1..]);

        Assert.AreEqual(0, unlocked.ExitCode, unlocked.ToString());
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(state, "locks")));
    }
}
