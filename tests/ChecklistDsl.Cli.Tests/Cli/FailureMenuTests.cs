using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>What the operator is told after a failure: only what can happen, and what is left in place.</summary>
[TestClass]
public sealed class FailureMenuTests
{
    [TestMethod]
    public void With_nothing_to_roll_back_the_run_says_so_aborts_and_names_the_step_it_stopped_at()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, "run", "ManualChecks", "--yes");

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.Contains("nothing can be rolled back here", result.Output);
        Assert.Contains("was aborted at step 3 'A command that fails'", result.Output);
        Assert.Contains("No change was made", result.Output);
        Assert.DoesNotContain("in 'Aborted'", result.Output);
    }

    [TestMethod]
    public void An_abort_after_changes_lists_every_change_still_in_place_on_screen_and_in_the_journal()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fail-import"), "");

        var result = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Alice", "--on-failure", "abort"));

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.Contains("was aborted at step 6 'Import the production dump'", result.Output);
        Assert.Contains("3 change(s) are still in place", result.Output);
        var lines = result.Output.Split('\n');
        var listed = lines.SkipWhile(l => !l.Contains("still in place", StringComparison.Ordinal)).Skip(1).Take(3).Select(l => l.Trim()).ToArray();
        CollectionAssert.AreEqual(
            new[]
            {
                "• 6. Import the production dump (modified staging database; begun, not completed: may be partly done)",
                "• 5. Drop the staging database (destroyed staging database)",
                "• 4. Sync files (modified staging files)",
            },
            listed, result.Output);
        var aborted = Journals.Records(folder.Journal()).Last();
        Assert.AreEqual("ImportProductionDump", aborted.Text("source"));
        Assert.AreEqual("Aborted", aborted.Text("destination"));
        Assert.AreEqual(3, aborted.GetProperty("inPlace").GetArrayLength());
    }

    [TestMethod]
    public void Rollback_by_script_names_what_it_undoes()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fail-import"), "");

        var result = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Alice"));

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        Assert.Contains("Roll back: undo '6. Import the production dump', then '5. Drop the staging database', then '4. Sync files'", result.Output);
    }

    [TestMethod]
    public void Yes_says_on_screen_that_it_ticked_each_check()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, "run", "ManualChecks", "--yes", "--on-failure", "abort");

        Assert.Contains("Box one (ticked by --yes, not by a person)", result.Output);
        Assert.Contains("Box two (ticked by --yes, not by a person)", result.Output);
        Assert.Contains("'Read the runbook' confirmed done by --yes, not by a person", result.Output);
        Assert.Contains("--on-failure: Abort", result.Output);
    }

    [TestMethod]
    public void After_a_resume_a_check_ticked_earlier_is_listed_once_as_ticked()
    {
        using var folder = new TempFolder();
        // Record 5 of the sync run is the tick of the gate's check.
        var crashed = Sample.Cli(folder, Sample.Environment(("CHECKLIST_TEST_CRASH_AFTER_RECORDS", "5")), Sample.SyncRun(folder, "--approver", "Alice"));
        Assert.AreEqual(137, crashed.ExitCode, crashed.ToString());
        var runId = Journals.Records(folder.Journal())[0].Text("runId")!;

        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", runId, "--yes", "--approver", "Alice");

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        var lines = resumed.Output.Split('\n').Where(l => l.Contains("Staging users were told", StringComparison.Ordinal)).ToArray();
        Assert.HasCount(1, lines, resumed.Output);
        Assert.Contains("☑ Staging users were told (ticked earlier)", lines[0]);
    }
}
