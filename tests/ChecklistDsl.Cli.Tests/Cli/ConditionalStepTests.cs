using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>
/// <c>[When]</c> at run time, through the process (the ConditionalSteps sample): a step whose condition
/// does not hold is skipped without a prompt and journaled with the input's value; the inputs of a run
/// are fixed on resume; bool inputs read yes/no.
/// </summary>
[TestClass]
public sealed class ConditionalStepTests
{
    private static string[] Run(TempFolder folder, params string[] more) =>
        ["run", "ConditionalSteps", "--input", $"WorkDir={folder.WorkDir}", "--yes", .. more];

    [TestMethod]
    public void A_bool_condition_that_holds_runs_its_step_and_a_value_condition_that_does_not_skips_its_step_with_the_value_journaled()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, Run(folder, "--input", "UsesCdn=Yes", "--input", "CacheBackend=memcached", "--approver", "Alice"));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "cdn", "last-true" }, folder.Log(), "yes reads as true, and the command line gets true");
        var records = Journals.Records(folder.Journal());
        Assert.AreEqual("true", records[0].GetProperty("inputs").GetProperty("UsesCdn").GetString(), "the header records the value as read");
        var skipped = records.Single(r => r.Type() == "condition-skipped");
        Assert.AreEqual("FlushRedis", skipped.Text("state"));
        Assert.AreEqual(2, skipped.Number("step"));
        Assert.AreEqual("CacheBackend", skipped.Text("input"));
        Assert.AreEqual("memcached", skipped.Text("value"));
        Assert.AreEqual("CacheBackend is \"redis\"", skipped.Text("text"));
        CollectionAssert.AreEqual(
            new[]
            {
                "NotStarted -Start-> ConfirmWindow",
                "ConfirmWindow -Approve-> PurgeCdn",
                "PurgeCdn -Complete-> FlushRedis",
                "FlushRedis -Skip-> Last",
                "Last -Complete-> Completed",
            },
            Journals.Transitions(records));
        Assert.IsFalse(records.Any(r => r.Type() == "command-started" && r.Text("state") == "FlushRedis"), "nothing of a skipped step runs");
        Assert.Contains("Flush Redis skipped by its condition: only when CacheBackend is \"redis\", and CacheBackend is memcached", result.Output);
    }

    [TestMethod]
    public void A_bool_condition_that_does_not_hold_skips_its_step_and_a_value_condition_that_holds_runs_its_step()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, Run(folder, "--input", "UsesCdn=NO", "--input", "CacheBackend=Redis", "--approver", "Alice"));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "redis", "last-false" }, folder.Log());
        var skipped = Journals.Records(folder.Journal()).Single(r => r.Type() == "condition-skipped");
        Assert.AreEqual("PurgeCdn", skipped.Text("state"));
        Assert.AreEqual("UsesCdn", skipped.Text("input"));
        Assert.AreEqual("false", skipped.Text("value"));
    }

    [TestMethod]
    [DataRow("yes", new[] { "change", "verify", "restore-cdn" })]
    [DataRow("no", new[] { "change", "verify" })]
    public void A_rollback_procedure_runs_only_when_its_condition_holds_and_is_otherwise_passed_over_with_the_value_journaled(string usesCdn, string[] log)
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fail"), "");

        var result = Sample.Cli(folder, null, "run", "ConditionalRollback", "--input", $"WorkDir={folder.WorkDir}", "--input", $"UsesCdn={usesCdn}", "--yes");

        Assert.AreEqual(1, result.ExitCode, "rolled back: " + result);
        CollectionAssert.AreEqual(log, folder.Log());
        var records = Journals.Records(folder.Journal());
        Assert.AreEqual("RestoreCdnRules -Complete-> RolledBack", Journals.Transitions(records)[^1]);
        var rolledBack = records.Last(r => r.Type() == "transition");
        var skipped = records.Where(r => r.Type() == "condition-skipped").ToArray();
        if (usesCdn == "yes")
        {
            Assert.IsEmpty(skipped);
            Assert.IsFalse(rolledBack.TryGetProperty("inPlace", out _), "the procedure ran: nothing left in place");
            return;
        }
        CollectionAssert.AreEqual(
            new[] { "1. Change the site (modified site; its rollback procedure's condition passed it over)" },
            rolledBack.GetProperty("inPlace").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Contains("were not undone (no rollback procedure, or one its condition passed over) and are still in place", result.Output);
        Assert.AreEqual("RestoreCdnRules", skipped.Single().Text("state"));
        Assert.AreEqual(0, skipped.Single().Number("step"), "the index of the step it would undo");
        Assert.AreEqual("false", skipped.Single().Text("value"));
        Assert.Contains("Restore the CDN rules skipped by its condition: only when UsesCdn is true, and UsesCdn is false", result.Output);
    }

    [TestMethod]
    public void A_run_killed_right_after_a_condition_skip_was_recorded_carries_the_skip_out_on_resume()
    {
        using var folder = new TempFolder();
        var crashed = Sample.Cli(folder, new Dictionary<string, string> { ["CHECKLIST_TEST_CRASH_AFTER_RECORDS"] = "condition-skipped:1" },
            Run(folder, "--input", "UsesCdn=no", "--input", "CacheBackend=redis", "--approver", "Alice"));
        Assert.AreEqual(137, crashed.ExitCode, "killed by SIGKILL: " + crashed);
        var journal = folder.Journal();
        Assert.AreEqual("condition-skipped", Journals.Records(journal)[^1].Type());

        var resumed = Sample.Cli(folder, null, "resume", Journals.Records(journal)[0].Text("runId")!, "--yes");

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        Assert.Contains("The run stopped after deciding 'Skip' in 'PurgeCdn'", resumed.Output);
        CollectionAssert.AreEqual(new[] { "redis", "last-false" }, folder.Log());
        var records = Journals.Records(journal);
        Assert.ContainsSingle(records.Where(r => r.Type() == "condition-skipped"), "decided once");
        CollectionAssert.Contains(Journals.Transitions(records), "PurgeCdn -Skip-> FlushRedis");
    }

    [TestMethod]
    public void In_a_terminal_a_missing_bool_input_is_asked_for_until_the_answer_is_yes_or_no()
    {
        using var folder = new TempFolder();
        string[] answers =
        [
            "maybe", "yes",      // UsesCdn: refused, then taken
            "redis",             // CacheBackend
            "Dana", "approve",   // the gate
            "y", "y", "y",       // the commands of the three steps the inputs select
        ];

        var result = InteractiveTests.RunInTerminal(folder, answers, "run", "ConditionalSteps", "--input", $"WorkDir={folder.WorkDir}");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains("UsesCdn, yes/no", result.Output);
        Assert.Contains("Answer yes or no (or true, false).", result.Output);
        CollectionAssert.AreEqual(new[] { "cdn", "redis", "last-true" }, folder.Log());
        Assert.AreEqual("true", Journals.Records(folder.Journal())[0].GetProperty("inputs").GetProperty("UsesCdn").GetString());
    }

    [TestMethod]
    public void The_environment_gives_a_bool_input_too()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, new Dictionary<string, string> { ["USES_CDN"] = "true" }, Run(folder, "--input", "CacheBackend=none", "--approver", "Alice"));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "cdn", "last-true" }, folder.Log());
    }

    [TestMethod]
    public void Resume_refuses_an_input_that_differs_from_the_one_the_run_started_with_and_takes_the_same_one_however_spelled()
    {
        using var folder = new TempFolder();
        var paused = Sample.Cli(folder, null, Run(folder, "--input", "UsesCdn=no", "--input", "CacheBackend=redis"));
        Assert.AreEqual(5, paused.ExitCode, "paused at the gate: " + paused);
        var journal = folder.Journal();
        var before = File.ReadAllText(journal);
        var runId = Journals.Records(journal)[0].Text("runId")!;

        var byOption = Sample.Cli(folder, null, "resume", runId, "--input", "UsesCdn=yes", "--yes", "--approver", "Alice");
        var byEnvironment = Sample.Cli(folder, new Dictionary<string, string> { ["CACHE_BACKEND"] = "memcached" }, "resume", runId, "--yes", "--approver", "Alice");

        Assert.AreEqual(3, byOption.ExitCode, byOption.ToString());
        Assert.Contains("inputs are fixed", byOption.Error);
        Assert.Contains("UsesCdn: the run started with 'false'; --input UsesCdn=yes says 'true'", byOption.Error);
        Assert.AreEqual(3, byEnvironment.ExitCode, byEnvironment.ToString());
        Assert.Contains("CacheBackend: the run started with 'redis'; the environment variable CACHE_BACKEND says 'memcached'", byEnvironment.Error);
        Assert.AreEqual(before, File.ReadAllText(journal), "a refused resume records nothing");
        Assert.IsEmpty(folder.Log(), "and runs nothing");

        var resumed = Sample.Cli(folder, null, "resume", runId, "--input", "UsesCdn=False", "--yes", "--approver", "Alice");

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        CollectionAssert.AreEqual(new[] { "redis", "last-false" }, folder.Log(), "the conditions are read with the run's own inputs");
        Assert.AreEqual("PurgeCdn", Journals.Records(journal).Single(r => r.Type() == "condition-skipped").Text("state"));
    }

    [TestMethod]
    public void A_bool_input_that_is_not_true_false_yes_or_no_is_a_usage_error_naming_where_it_came_from()
    {
        using var folder = new TempFolder();

        var byOption = Sample.Cli(folder, null, Run(folder, "--input", "UsesCdn=maybe", "--input", "CacheBackend=redis"));
        var byEnvironment = Sample.Cli(folder, new Dictionary<string, string> { ["USES_CDN"] = "1" }, Run(folder, "--input", "CacheBackend=redis"));
        var dryRun = Sample.Cli(folder, null, "run", "ConditionalSteps", "--dry-run", "--input", "UsesCdn=maybe");

        Assert.AreEqual(3, byOption.ExitCode, byOption.ToString());
        Assert.Contains("The input UsesCdn (The site uses a CDN) is a yes/no value: 'maybe' from --input UsesCdn=maybe is not one of true, false, yes, no.", byOption.Error);
        Assert.AreEqual(3, byEnvironment.ExitCode, byEnvironment.ToString());
        Assert.Contains("'1' from the environment variable USES_CDN", byEnvironment.Error);
        Assert.AreEqual(3, dryRun.ExitCode, dryRun.ToString());
        Assert.IsFalse(Directory.Exists(folder.RunsFolder), "nothing was started");
    }

    [TestMethod]
    public void Dry_run_shows_which_steps_the_inputs_select_and_why_the_others_are_skipped()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, "run", "ConditionalSteps", "--dry-run", "--input", "UsesCdn=false", "--input", "CacheBackend=redis", "--input", "WorkDir=/w");
        var unknown = Sample.Cli(folder, null, "run", "ConditionalSteps", "--dry-run");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains("Purge the CDN skipped by its condition: only when UsesCdn is true, and UsesCdn is false", result.Output);
        Assert.Contains("Only when CacheBackend is \"redis\" (given: CacheBackend is redis)", result.Output);
        Assert.Contains("Selected by these inputs: 1. Confirm the window, 3. Flush Redis, 4. Last", result.Output);
        Assert.Contains("Skipped by their conditions: 2. Purge the CDN (only when UsesCdn is true, and UsesCdn is false)", result.Output);
        Assert.Contains("End state: Completed after 3 step(s), 1 skipped by their conditions.", result.Output);
        Assert.AreEqual(0, unknown.ExitCode, unknown.ToString());
        Assert.Contains("Shown as if it applies: UsesCdn has no value.", unknown.Output);
        Assert.Contains("Skipped by their conditions: none", unknown.Output);
        Assert.IsFalse(Directory.Exists(folder.RunsFolder), "a dry run records nothing");
    }
}
