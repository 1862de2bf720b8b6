using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>A pipeline fails its step when any part of it fails, not only its last command.</summary>
[TestClass]
public sealed class PipelineTests
{
    [TestMethod]
    public void A_backup_pipeline_whose_first_command_is_missing_fails_its_step_and_the_destructive_step_never_runs()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, "run", "PipelineBackup", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--on-failure", "abort");

        Assert.AreEqual(2, result.ExitCode, "aborted: " + result);
        Assert.Contains("not found", result.Output);
        Assert.Contains("failed with exit code 127", result.Output);
        Assert.IsEmpty(folder.Log(), "the drop did not run");
        var records = Journals.Records(folder.Journal());
        var finished = records.Single(r => r.Type() == "command-finished");
        Assert.AreEqual(127, finished.Number("exitCode"));
        Assert.IsFalse(records.Any(r => r.Type() == "transition" && r.Text("source") == "BackUpDatabase" && r.Text("trigger") == "Complete"));
        Assert.AreEqual("BackUpDatabase -Abort-> Aborted", Journals.Transitions(records)[^1]);
    }
}
