using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>
/// <c>[Command(..., Retries = n, RetryDelay = ...)]</c> at run time, through the process (the
/// RetriedCommands and SlowRetry samples): every attempt journaled with its exit code, the step fails
/// only after the last one, and a resumed run continues the count.
/// </summary>
[TestClass]
public sealed class RetryTests
{
    private static string[] Run(TempFolder folder, string checklist = "RetriedCommands", params string[] more) =>
        ["run", checklist, "--input", $"WorkDir={folder.WorkDir}", "--yes", .. more];

    /// <summary>(attempt, maxAttempts, exitCode) of each command-finished record of a state.</summary>
    private static (int?, int?, int?)[] Attempts(string journal, string state) =>
        Journals.Records(journal).Where(r => r.Type() == "command-finished" && r.Text("state") == state)
            .Select(r => (r.Number("attempt"), r.Number("maxAttempts"), r.Number("exitCode"))).ToArray();

    [TestMethod]
    public void A_command_that_fails_twice_then_succeeds_completes_its_step_with_three_attempts_journaled()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fixed"), "");

        var result = Sample.Cli(folder, null, Run(folder));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "flaky-1", "flaky-2", "flaky-3", "broken", "last" }, folder.Log());
        var journal = folder.Journal();
        CollectionAssert.AreEqual(new (int?, int?, int?)[] { (1, 4, 1), (2, 4, 1), (3, 4, 0) }, Attempts(journal, "Flaky"));
        CollectionAssert.AreEqual(new (int?, int?, int?)[] { (1, 3, 0) }, Attempts(journal, "Broken"));
        var records = Journals.Records(journal);
        Assert.IsFalse(records.Any(r => r.Type() == "failure"), "a failed attempt with retries left is not a failure of the step");
        CollectionAssert.AreEqual(new int?[] { 1, 2, 3 },
            records.Where(r => r.Type() == "command-started" && r.Text("state") == "Flaky").Select(r => r.Number("attempt")).ToArray());
        Assert.IsFalse(records.Any(r => r.Type() == "command-finished" && r.Text("state") == "Last" && r.Number("attempt") is not null),
            "a command without retries records no attempt numbers");
        Assert.Contains("failed with exit code 1 (attempt 2 of 4)", result.Output);
    }

    [TestMethod]
    public void A_command_that_always_fails_fails_its_step_after_its_last_attempt_and_not_before()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, Run(folder, "RetriedCommands", "--on-failure", "abort"));

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "flaky-1", "flaky-2", "flaky-3", "broken", "broken", "broken" }, folder.Log());
        var journal = folder.Journal();
        CollectionAssert.AreEqual(new (int?, int?, int?)[] { (1, 3, 1), (2, 3, 1), (3, 3, 1) }, Attempts(journal, "Broken"));
        var records = Journals.Records(journal);
        var failure = records.Single(r => r.Type() == "failure");
        Assert.AreEqual("Broken", failure.Text("state"));
        Assert.EndsWith("failed with exit code 1 (attempt 3 of 3)", failure.Text("text")!);
        var lastAttempt = records.Select((r, i) => (r, i)).Last(p => p.r.Type() == "command-finished").i;
        Assert.IsGreaterThan(lastAttempt, records.Select((r, i) => (r, i)).Single(p => p.r.Type() == "failure").i, "the failure comes after the last attempt");
        Assert.AreEqual("Broken -Abort-> Aborted", Journals.Transitions(records)[^1]);
    }

    [TestMethod]
    public void A_run_killed_between_two_attempts_continues_the_count_on_resume_instead_of_starting_over()
    {
        using var folder = new TempFolder();
        // Flaky finishes three attempts; the kill comes right after Broken's second failed attempt, in its retry delay.
        var crashed = Sample.Cli(folder, new Dictionary<string, string> { ["CHECKLIST_TEST_CRASH_AFTER_RECORDS"] = "command-finished:5" },
            Run(folder, "RetriedCommands", "--on-failure", "abort"));
        Assert.AreEqual(137, crashed.ExitCode, "killed by SIGKILL: " + crashed);
        var journal = folder.Journal();
        var runId = Journals.Records(journal)[0].Text("runId")!;
        CollectionAssert.AreEqual(new (int?, int?, int?)[] { (1, 3, 1), (2, 3, 1) }, Attempts(journal, "Broken"));

        var resumed = Sample.Cli(folder, null, "resume", runId, "--yes", "--on-failure", "abort");

        Assert.AreEqual(2, resumed.ExitCode, resumed.ToString());
        CollectionAssert.AreEqual(new[] { "flaky-1", "flaky-2", "flaky-3", "broken", "broken", "broken" }, folder.Log(),
            "one more attempt, the third and last, not three new ones");
        CollectionAssert.AreEqual(new (int?, int?, int?)[] { (1, 3, 1), (2, 3, 1), (3, 3, 1) }, Attempts(journal, "Broken"));
        Assert.AreEqual(3, Journals.Records(journal).Count(r => r.Type() == "command-finished" && r.Text("state") == "Flaky"), "a finished step is not run again");
    }

    [TestMethod]
    public void A_run_killed_after_its_last_failed_attempt_goes_to_the_failure_decision_on_resume_without_another_attempt()
    {
        using var folder = new TempFolder();
        var crashed = Sample.Cli(folder, new Dictionary<string, string> { ["CHECKLIST_TEST_CRASH_AFTER_RECORDS"] = "command-finished:6" },
            Run(folder, "RetriedCommands", "--on-failure", "abort"));
        Assert.AreEqual(137, crashed.ExitCode, "killed by SIGKILL: " + crashed);
        var runId = Journals.Records(folder.Journal())[0].Text("runId")!;

        var resumed = Sample.Cli(folder, null, "resume", runId, "--yes", "--on-failure", "abort");

        Assert.AreEqual(2, resumed.ExitCode, resumed.ToString());
        Assert.AreEqual(3, folder.Log().Count(l => l == "broken"), "every attempt was made before the kill");
        Assert.Contains("as recorded before the run stopped", Journals.Records(folder.Journal()).Single(r => r.Type() == "failure").Text("text")!);
    }

    [TestMethod]
    public void Ctrl_c_in_the_delay_between_attempts_pauses_the_run_and_resume_makes_the_next_attempt()
    {
        using var folder = new TempFolder();

        var interrupted = CtrlC.After(folder, "\"type\":\"command-finished\"", Run(folder, "SlowRetry"));

        Assert.AreEqual(5, interrupted.ExitCode, interrupted.ToString());
        var journal = folder.Journal();
        var records = Journals.Records(journal);
        Assert.AreEqual("paused", records[^1].Type());
        Assert.AreEqual("command-finished", records[^2].Type(), "interrupted in the delay, before the second attempt started");
        Assert.AreEqual(1, records[^2].Number("attempt"));
        CollectionAssert.AreEqual(new[] { "try" }, folder.Log());

        File.WriteAllText(Path.Combine(folder.WorkDir, "fixed"), "");
        var resumed = Sample.Cli(folder, null, "resume", records[0].Text("runId")!, "--yes");

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        CollectionAssert.AreEqual(new[] { "try", "try" }, folder.Log());
        CollectionAssert.AreEqual(new (int?, int?, int?)[] { (1, 2, 1), (2, 2, 0) }, Attempts(journal, "UntilFixed"), "the resumed attempt is the second");
    }
}
