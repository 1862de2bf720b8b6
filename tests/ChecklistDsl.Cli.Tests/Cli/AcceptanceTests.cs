using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>The "done when", end to end.</summary>
[TestClass]
public sealed class AcceptanceTests
{
    [TestMethod]
    public void Dry_run_then_a_real_run_killed_halfway_then_resumed_leaves_every_step_and_the_approval_in_the_journal()
    {
        using var folder = new TempFolder();
        string[] inputs = ["--input", $"WorkDir={folder.WorkDir}", "--input", "StagingHost=staging.local"];

        var dryRun = Sample.Cli(folder, Sample.Environment(), ["run", "ProductionToStagingSync", "--dry-run", .. inputs]);
        Assert.AreEqual(0, dryRun.ExitCode, dryRun.ToString());
        Assert.IsEmpty(folder.Log());

        // Killed (SIGKILL) right after its 20th record: in the middle of the Sync section.
        var killed = Sample.Cli(folder, Sample.Environment(("CHECKLIST_TEST_CRASH_AFTER_RECORDS", "20")),
            ["run", "ProductionToStagingSync", .. inputs, "--yes", "--approve", "Release manager=Alice Smith"]);
        Assert.AreEqual(137, killed.ExitCode, killed.ToString());
        var runId = Journals.Records(folder.Journal())[0].Text("runId")!;
        var status = CliProcess.Run(folder.Path, null, "status");
        Assert.Contains("stopped: ", status.Output);

        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", runId, "--yes");

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        var records = Journals.Records(folder.Journal());
        var left = Journals.Transitions(records).Select(t => t.Split(' ')[0]).Skip(1).ToArray();
        CollectionAssert.AreEqual(
            new[] { "ConfirmSyncWindow", "CheckProviderApi", "BackUpStagingDatabase", "SyncFiles", "DropStagingDatabase", "ImportProductionDump", "FlushStagingCache", "VerifyStaging" },
            left, "every step, once, in order");
        Assert.AreEqual("Alice Smith", records.Single(r => r.Type() == "approval").Text("approver"));
        Assert.ContainsSingle(records.Where(r => r.Type() == "resumed"));
        CollectionAssert.AreEqual(Sample.FullSyncLog, folder.Log());
        var finalStatus = CliProcess.Run(folder.Path, null, "status");
        Assert.Contains("Completed", finalStatus.Output);
        Assert.Contains("8/8", finalStatus.Output);
    }
}
