using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary><c>checklist run</c> through the process, without a terminal.</summary>
[TestClass]
public sealed class RunTests
{
    [TestMethod]
    public void A_scripted_run_with_an_approval_completes_and_records_every_step_and_the_approver()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approve", "Release manager=Alice Smith"));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(Sample.FullSyncLog, folder.Log());
        var records = Journals.Records(folder.Journal());
        var header = records[0];
        Assert.AreEqual("header", header.Type());
        Assert.AreEqual("ProductionToStagingSync", header.Text("checklist"));
        Assert.AreEqual("default", header.Text("target"));
        Assert.AreEqual(Environment.UserName, header.Text("user"));
        Assert.AreEqual(Environment.MachineName, header.Text("host"));
        Assert.AreEqual(8, header.GetProperty("steps").GetArrayLength());
        CollectionAssert.AreEqual(
            new[]
            {
                "NotStarted -Start-> ConfirmSyncWindow",
                "ConfirmSyncWindow -Approve-> CheckProviderApi",
                "CheckProviderApi -Complete-> BackUpStagingDatabase",
                "BackUpStagingDatabase -Complete-> SyncFiles",
                "SyncFiles -Complete-> DropStagingDatabase",
                "DropStagingDatabase -Complete-> ImportProductionDump",
                "ImportProductionDump -Complete-> FlushStagingCache",
                "FlushStagingCache -Complete-> VerifyStaging",
                "VerifyStaging -Complete-> Completed",
            },
            Journals.Transitions(records));
        var approval = records.Single(r => r.Type() == "approval");
        Assert.AreEqual("Alice Smith", approval.Text("approver"));
        Assert.AreEqual("Release manager", approval.Text("role"));
        Assert.AreEqual("--approve", approval.Text("via"));
        CollectionAssert.AreEqual(
            new[] { "Staging users were told", "Home page loads", "Login works" },
            records.Where(r => r.Type() == "check").Select(r => r.Text("text")).ToArray());
        Assert.AreEqual(11, records.Count(r => r.Type() == "command-finished" && r.Number("exitCode") == 0));
        Assert.Contains("Step 4 of 8 · Sync", result.Output);
        Assert.Contains("completed", result.Output);
    }

    [TestMethod]
    public void Without_a_scripted_approval_the_run_stops_at_the_gate_with_exit_code_5_and_resumes_with_one()
    {
        using var folder = new TempFolder();

        var paused = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder));

        Assert.AreEqual(5, paused.ExitCode, paused.ToString());
        Assert.Contains("--yes never approves", paused.Output);
        Assert.Contains("--approve \"Release manager=NAME\"", paused.Output);
        var journal = folder.Journal();
        var records = Journals.Records(journal);
        Assert.IsFalse(records.Any(r => r.Type() == "approval"), "no approval may be recorded by --yes");
        CollectionAssert.AreEqual(new[] { "NotStarted -Start-> ConfirmSyncWindow" }, Journals.Transitions(records));
        var runId = records[0].Text("runId")!;

        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", runId, "--yes", "--approver", "Bob");

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        CollectionAssert.AreEqual(Sample.FullSyncLog, folder.Log(), "the gate's command ran once, before the pause");
        records = Journals.Records(journal);
        Assert.AreEqual("Bob", records.Single(r => r.Type() == "approval").Text("approver"));
        Assert.AreEqual(1, records.Count(r => r.Type() == "resumed"));
        Assert.AreEqual("VerifyStaging -Complete-> Completed", Journals.Transitions(records)[^1]);
    }

    [TestMethod]
    public void A_paused_run_keeps_its_claim_on_the_target_until_it_is_abandoned()
    {
        using var folder = new TempFolder();
        var first = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder));
        var firstId = Journals.Records(folder.Journal())[0].Text("runId")!;

        var second = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder));

        Assert.AreEqual(5, first.ExitCode, first.ToString());
        Assert.AreEqual(4, second.ExitCode, second.ToString());
        Assert.Contains($"claimed for target 'default' by run {firstId}", second.Error);
        Assert.Contains($"`checklist resume {firstId}`, or give it up with `checklist abandon {firstId} --comment", second.Error);
        Assert.HasCount(1, Directory.GetFiles(folder.RunsFolder), "the refused run left no journal");

        var abandoned = CliProcess.Run(folder.Path, null, "abandon", firstId, "--comment", "window missed");
        Assert.AreEqual(0, abandoned.ExitCode, abandoned.ToString());
        var last = Journals.Records(Path.Combine(folder.RunsFolder, firstId + ".jsonl"))[^1];
        Assert.AreEqual("abandoned", last.Type());
        Assert.AreEqual("window missed", last.Text("text"));
        Assert.AreEqual(Environment.UserName, last.Text("user"));

        var third = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder));
        Assert.AreEqual(5, third.ExitCode, "the target is free again: " + third);
        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", firstId, "--yes");
        Assert.AreEqual(2, resumed.ExitCode, "an abandoned run is not resumed: " + resumed);
    }

    [TestMethod]
    public void A_secret_reaches_the_command_through_its_environment_and_never_the_journal_or_the_console()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Alice"));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var journalText = File.ReadAllText(folder.Journal());
        Assert.DoesNotContain(Sample.Token, journalText);
        Assert.DoesNotContain(Sample.Token, result.Output);
        Assert.DoesNotContain(Sample.Token, result.Error);
        // The command did receive it (its output was masked, not empty), through "$API_TOKEN".
        Assert.Contains("calling the provider for staging.local with ***", journalText);
        Assert.Contains("with \\\"$API_TOKEN\\\"", journalText);
        Assert.Contains("calling the provider for staging.local with ***", result.Output);
    }

    [TestMethod]
    public void A_secret_on_the_command_line_is_refused_as_a_usage_error()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--input", $"ApiToken={Sample.Token}"));

        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.Contains("Set the environment variable API_TOKEN", result.Error);
        Assert.IsFalse(Directory.Exists(folder.RunsFolder), "nothing was started");
    }

    [TestMethod]
    public void A_missing_secret_without_a_terminal_is_a_usage_error_naming_its_variable()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, Sample.SyncRun(folder));

        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.Contains("secret ApiToken", result.Error);
        Assert.Contains("API_TOKEN", result.Error);
    }

    [TestMethod]
    public void A_failing_command_walks_the_rollbacks_of_the_completed_changes_newest_first_and_exits_1()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fail-import"), "");

        var result = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Alice"));

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(
            new[] { "approve-window", "check-api", "backup", "sync-files", "drop-db", "import-db", "restore-db", "restore-db", "restore-files" },
            folder.Log());
        var records = Journals.Records(folder.Journal());
        var transitions = Journals.Transitions(records);
        Assert.StartsWith("ImportProductionDump -Fail-> ", transitions.Single(t => t.Contains("-Fail->")));
        Assert.EndsWith("-Complete-> RolledBack", transitions[^1]);
        var failure = records.Single(r => r.Type() == "failure");
        Assert.AreEqual("RollBack", failure.Text("action"));
        Assert.Contains("failed with exit code 1", failure.Text("text")!);
        Assert.Contains("rolled back", result.Output);
    }

    [TestMethod]
    public void With_on_failure_abort_a_failing_command_ends_the_run_aborted_with_exit_code_2_and_nothing_rolled_back()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fail-import"), "");

        var result = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Alice", "--on-failure", "abort"));

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.DoesNotContain("restore-db", folder.Log());
        Assert.AreEqual("ImportProductionDump -Abort-> Aborted", Journals.Transitions(Journals.Records(folder.Journal()))[^1]);
    }

    [TestMethod]
    public void A_failure_before_any_change_aborts_with_exit_code_2()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, "run", "ManualChecks", "--yes");

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        var records = Journals.Records(folder.Journal());
        // Nothing to roll back: --on-failure rollback (the default) aborts, and says so.
        Assert.AreEqual("FailingCommand -Abort-> Aborted", Journals.Transitions(records)[^1]);
        Assert.Contains("nothing can be rolled back here", result.Output);
        Assert.AreEqual(2, records.Count(r => r.Type() == "check"));
    }

    [TestMethod]
    public void An_optional_step_named_by_skip_is_skipped_and_recorded()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Alice", "--skip", "FlushStagingCache"));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.DoesNotContain("flush-cache", folder.Log());
        Assert.Contains("FlushStagingCache -Skip-> VerifyStaging", Journals.Transitions(Journals.Records(folder.Journal())));
    }

    [TestMethod]
    public void A_command_that_outlives_its_step_timeout_is_stopped_and_recorded_as_timed_out()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "hang"), "");

        var result = Sample.Cli(folder, null, "run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes");

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        var records = Journals.Records(folder.Journal());
        var finished = records.Last(r => r.Type() == "command-finished");
        Assert.AreEqual("Bounded", finished.Text("state"));
        Assert.IsTrue(finished.GetProperty("timedOut").GetBoolean());
        CollectionAssert.AreEqual(new[] { "first", "hold" }, folder.Log());
    }

    [TestMethod]
    public void Without_a_terminal_and_without_yes_the_run_refuses_to_start()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, Sample.Environment(), "run", "ManualChecks");

        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.Contains("Pass --yes", result.Error);
        Assert.IsFalse(Directory.Exists(folder.RunsFolder));
    }

    [TestMethod]
    public void A_step_automated_in_csharp_runs_with_the_run_values_and_its_log_is_recorded_redacted()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, Sample.Environment(("DB_PASSWORD", "pw-Secret-998877")),
            "run", "AutomatedSteps", "--input", $"WorkDir={folder.WorkDir}", "--yes");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "automated" }, folder.Log());
        var journal = File.ReadAllText(folder.Journal());
        Assert.Contains($"wrote to {folder.WorkDir} using ***", journal);
        Assert.DoesNotContain("pw-Secret-998877", journal);
        Assert.DoesNotContain("pw-Secret-998877", result.Output);
    }

    [TestMethod]
    public void A_step_automation_that_throws_is_a_failure_with_its_message_recorded()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fail-auto"), "");

        var result = Sample.Cli(folder, Sample.Environment(("DB_PASSWORD", "pw")), "run", "AutomatedSteps", "--input", $"WorkDir={folder.WorkDir}", "--yes");

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        var records = Journals.Records(folder.Journal());
        var finished = records.Last(r => r.Type() == "command-finished");
        Assert.AreEqual("FailOnRequest", finished.Text("state"));
        Assert.AreEqual(1, finished.Number("exitCode"));
        Assert.Contains("InvalidOperationException: automation failed on purpose", finished.Text("output")!);
        Assert.AreEqual("FailOnRequest -Abort-> Aborted", Journals.Transitions(records)[^1]);
    }

    [TestMethod]
    public void A_dry_run_shows_every_step_and_command_and_runs_and_records_nothing()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, Sample.Environment(), "run", "ProductionToStagingSync", "--dry-run", "--input", $"WorkDir={folder.WorkDir}");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        foreach (var title in new[] { "Confirm the sync window", "Back up the staging database", "Drop the staging database", "Verify staging" })
            Assert.Contains(title, result.Output);
        Assert.Contains($"echo drop-db >> {folder.WorkDir}/log", result.Output);
        Assert.Contains("No value for input StagingHost: shown as {StagingHost}", result.Output);
        Assert.Contains("with \"$API_TOKEN\"", result.Output);
        Assert.Contains("Restore the staging files undoes step 4", result.Output);
        Assert.IsEmpty(folder.Log());
        Assert.IsFalse(Directory.Exists(Path.Combine(folder.Path, ".checklist")));
    }

    [TestMethod]
    public void An_unknown_checklist_is_a_usage_error_that_lists_the_known_ones()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, "run", "NoSuchChecklist", "--yes");

        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.Contains("No checklist 'NoSuchChecklist'", result.Error);
        Assert.Contains("AutomatedSteps, FiftySteps, ManualChecks, PipelineBackup, ProductionToStagingSync, QuorumGates", result.Error);
    }

    [TestMethod]
    public void A_scripted_answer_naming_no_gate_or_no_optional_step_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var badRole = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approve", "Release manger=Alice"));
        var badSkip = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Alice", "--skip", "DropStagingDatabase"));

        Assert.AreEqual(3, badRole.ExitCode, badRole.ToString());
        Assert.Contains("'Release manger', which no gate", badRole.Error);
        Assert.Contains("Its approval roles: Release manager", badRole.Error);
        Assert.AreEqual(3, badSkip.ExitCode, badSkip.ToString());
        Assert.Contains("Its optional steps: FlushStagingCache", badSkip.Error);
        Assert.IsFalse(Directory.Exists(folder.RunsFolder), "nothing was started");
    }

    [TestMethod]
    public void An_unknown_option_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, "run", "ManualChecks", "--frobnicate");

        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.Contains("--frobnicate", result.Error);
    }
}
