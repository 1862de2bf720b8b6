using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores.File;
using ChecklistDsl.Cli.Loading;
using ChecklistDsl.Cli.Running;
using ChecklistDsl.Cli.Tests.Support;
using Spectre.Console;

namespace ChecklistDsl.Cli.Tests.Running;

/// <summary>
/// The runner in-process, over the generated ProductionToStagingSync (loaded like the CLI loads it),
/// with an operator that answers what the process tests cannot: retry, reject, skip, "it is done".
/// </summary>
[TestClass]
public sealed class ChecklistRunnerTests
{
    private static LoadedChecklists _loaded = null!;
    private TempFolder _folder = null!;
    private StringWriter _output = null!;

    [ClassInitialize]
    public static void Load(TestContext context)
    {
        _ = context;
        _loaded = LoadedChecklists.Load(SampleChecklists.AssemblyPath);
    }

    [ClassCleanup]
    public static void Unload() => _loaded.Dispose();

    [TestInitialize]
    public void Create()
    {
        _folder = new TempFolder();
        _output = new StringWriter();
    }

    [TestCleanup]
    public void Delete() => _folder.Dispose();

    private static ChecklistDefinition Sync => _loaded.Find("ProductionToStagingSync");

    private string JournalPath => Path.Combine(_folder.RunsFolder, "r1.jsonl");

    private RunInputs Inputs() => RunInputs.Resolve(
        Sync,
        new Dictionary<string, string> { ["WorkDir"] = _folder.WorkDir, ["StagingHost"] = "staging.local" },
        ask: null,
        environment: name => name == "API_TOKEN" ? "t0k3n" : null);

    private static JournalRecord Header(ChecklistDefinition checklist) => new()
    {
        Type = RecordTypes.Header, Version = 1, RunId = "r1", Checklist = checklist.Name, Fingerprint = checklist.Fingerprint, Target = "default",
        Steps = checklist.Steps.Select(s => new StepFingerprint(s.Name, s.Fingerprint)).ToArray(), User = "u", Host = "h", Pid = 1,
    };

    private async Task<RunOutcome> Run(ScriptedOperator @operator, RunState? state = null)
    {
        state ??= new RunState(Sync, Header(Sync));
        using var journal = new FileRunJournal(File.Exists(JournalPath) ? JournalWriter.OpenForAppend(JournalPath) : JournalWriter.Create(JournalPath, state.Header), null, 0);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        return await new ChecklistRunner(state, journal, Inputs(), @operator, console).RunAsync(CancellationToken.None);
    }

    private string[] Transitions() => Journals.Transitions(Journals.Records(JournalPath));

    [TestMethod]
    public async Task Retry_runs_the_failed_command_again_and_not_the_ones_that_succeeded()
    {
        var failFile = Path.Combine(_folder.WorkDir, "fail-import");
        File.WriteAllText(failFile, "");
        var @operator = new ScriptedOperator { OnProblem = _ => File.Delete(failFile) };
        @operator.Failures.Enqueue(FailureAction.Retry);

        var outcome = await Run(@operator);

        Assert.AreEqual(RunOutcome.Completed, outcome);
        CollectionAssert.AreEqual(new[] { "approve-window", "check-api", "backup", "sync-files", "drop-db", "import-db", "flush-cache", "verify" }, _folder.Log());
        CollectionAssert.AreEqual(new[] { FailureAction.Retry, FailureAction.RollBack, FailureAction.Abort }, @operator.FailureChoices.Single().ToArray(),
            "a required step cannot be skipped");
        CollectionAssert.AreEqual(new[] { "6. Import the production dump", "5. Drop the staging database", "4. Sync files" }, @operator.RollsBack.Single().ToArray(),
            "Roll back names what it undoes: the failed step's own rollback first, then the completed changes, newest first");
        var failure = Journals.Records(JournalPath).Single(r => r.Type() == "failure");
        Assert.AreEqual("Retry", failure.Text("action"));
    }

    [TestMethod]
    public async Task A_rejected_approval_before_any_change_aborts_and_records_who_rejected_and_why()
    {
        var @operator = new ScriptedOperator { Approval = _ => new ApprovalDecision.Rejected("Carol", "staging is in use", "test") };

        var outcome = await Run(@operator);

        Assert.AreEqual(RunOutcome.Aborted, outcome);
        CollectionAssert.AreEqual(new[] { "NotStarted -Start-> ConfirmSyncWindow", "ConfirmSyncWindow -Reject-> Aborted" }, Transitions());
        var rejection = Journals.Records(JournalPath).Single(r => r.Type() == "rejection");
        Assert.AreEqual("Carol", rejection.Text("approver"));
        Assert.AreEqual("staging is in use", rejection.Text("text"));
        Assert.AreEqual("Release manager", rejection.Text("role"));
    }

    [TestMethod]
    public async Task A_failed_optional_step_may_be_skipped_and_the_run_goes_on()
    {
        File.WriteAllText(Path.Combine(_folder.WorkDir, "fail-flush"), "");
        var @operator = new ScriptedOperator();
        @operator.Failures.Enqueue(FailureAction.Skip);

        var outcome = await Run(@operator);

        Assert.AreEqual(RunOutcome.Completed, outcome);
        CollectionAssert.Contains(@operator.FailureChoices.Single().ToArray(), FailureAction.Skip);
        CollectionAssert.Contains(Transitions(), "FlushStagingCache -Skip-> VerifyStaging");
    }

    [TestMethod]
    public async Task An_optional_step_the_operator_declines_is_skipped_without_running_it()
    {
        var outcome = await Run(new ScriptedOperator { DoOptional = step => step.Name != "FlushStagingCache" });

        Assert.AreEqual(RunOutcome.Completed, outcome);
        Assert.DoesNotContain("flush-cache", _folder.Log());
        CollectionAssert.Contains(Transitions(), "FlushStagingCache -Skip-> VerifyStaging");
    }

    [TestMethod]
    public async Task An_interrupted_command_the_operator_declares_done_is_recorded_as_accepted_and_not_run_again()
    {
        // A journal that stops right after "command-started" of the gate's command, as after a crash.
        var header = Header(Sync);
        using (var writer = JournalWriter.Create(JournalPath, header))
        {
            writer.Append(new JournalRecord { Type = RecordTypes.Transition, Trigger = "Start", Source = "NotStarted", Destination = "ConfirmSyncWindow" });
            writer.Append(new JournalRecord { Type = RecordTypes.CommandStarted, State = "ConfirmSyncWindow", Command = 0, Line = "echo approve-window" });
        }
        var state = RunState.Replay(Sync, JournalReader.Read(JournalPath), JournalPath);
        Assert.AreEqual(0, state.InterruptedCommand);
        var @operator = new ScriptedOperator { Interrupted = InterruptedCommandAction.MarkDone };

        var outcome = await Run(@operator, state);

        Assert.AreEqual(RunOutcome.Completed, outcome);
        Assert.HasCount(1, @operator.InterruptedLines);
        Assert.AreEqual("check-api", _folder.Log()[0], "the interrupted command was not run again");
        var accepted = Journals.Records(JournalPath).Single(r => r.Type() == "command-accepted");
        Assert.AreEqual("ConfirmSyncWindow", accepted.Text("state"));
    }

    [TestMethod]
    public async Task A_failing_rollback_offers_only_retry_or_abort_and_abort_ends_the_run_aborted()
    {
        File.WriteAllText(Path.Combine(_folder.WorkDir, "fail-import"), "");
        // The rollback commands append to WorkDir/log: make that impossible by replacing the log with a folder.
        var @operator = new ScriptedOperator
        {
            OnProblem = problem =>
            {
                if (problem.Contains("fail-import", StringComparison.Ordinal))
                {
                    File.Delete(Path.Combine(_folder.WorkDir, "log"));
                    Directory.CreateDirectory(Path.Combine(_folder.WorkDir, "log"));
                }
            },
        };
        @operator.Failures.Enqueue(FailureAction.RollBack);
        @operator.Failures.Enqueue(FailureAction.Abort);

        var outcome = await Run(@operator);

        Assert.AreEqual(RunOutcome.Aborted, outcome);
        CollectionAssert.AreEqual(new[] { FailureAction.Retry, FailureAction.Abort }, @operator.FailureChoices[1].ToArray());
        var transitions = Transitions();
        Assert.StartsWith("ImportProductionDump -Fail-> ", transitions[^2]);
        Assert.EndsWith("-Abort-> Aborted", transitions[^1]);
        var aborted = Journals.Records(JournalPath).Last(r => r.Type() == "transition");
        Assert.AreEqual("stopped at the rollback of step 6 'Import the production dump'", aborted.Text("text"));
        CollectionAssert.AreEqual(
            new[]
            {
                "6. Import the production dump (modified staging database; its rollback did not finish)",
                "5. Drop the staging database (destroyed staging database)",
                "4. Sync files (modified staging files)",
            },
            aborted.GetProperty("inPlace").EnumerateArray().Select(e => e.GetString()).ToArray(),
            "every change still in place is recorded with the abort");
    }

    [TestMethod]
    public async Task A_failure_before_any_change_with_a_rollback_offers_no_roll_back()
    {
        var manual = _loaded.Find("ManualChecks");
        var @operator = new ScriptedOperator();
        var state = new RunState(manual, Header(manual));
        using (var journal = new FileRunJournal(JournalWriter.Create(JournalPath, state.Header), null, 1))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
            var outcome = await new ChecklistRunner(state, journal, RunInputs.Resolve(manual, new Dictionary<string, string>(), ask: null), @operator, console).RunAsync(CancellationToken.None);
            Assert.AreEqual(RunOutcome.Aborted, outcome);
        }

        CollectionAssert.AreEqual(new[] { FailureAction.Retry, FailureAction.Abort }, @operator.FailureChoices.Single().ToArray(), "nothing to undo: no Roll back");
        Assert.IsEmpty(@operator.RollsBack.Single());
        Assert.AreEqual("FailingCommand -Abort-> Aborted", Transitions()[^1]);
    }

    [TestMethod]
    public async Task A_rejection_recorded_just_before_a_crash_is_carried_out_on_resume_without_asking_again()
    {
        using (var writer = JournalWriter.Create(JournalPath, Header(Sync)))
        {
            writer.Append(new JournalRecord { Type = RecordTypes.Transition, Trigger = "Start", Source = "NotStarted", Destination = "ConfirmSyncWindow" });
            writer.Append(new JournalRecord { Type = RecordTypes.Rejection, State = "ConfirmSyncWindow", Step = 0, Approver = "Erin", Role = "Release manager" });
        }
        var state = RunState.Replay(Sync, JournalReader.Read(JournalPath), JournalPath);
        Assert.AreEqual(ChecklistTrigger.Reject, state.PendingTrigger);
        var asked = 0;
        var @operator = new ScriptedOperator { Approval = _ => { asked++; return new ApprovalDecision.Approved("Someone else", "test"); } };

        var outcome = await Run(@operator, state);

        Assert.AreEqual(RunOutcome.Aborted, outcome);
        Assert.AreEqual(0, asked);
        Assert.AreEqual("ConfirmSyncWindow -Reject-> Aborted", Transitions()[^1]);
        Assert.IsEmpty(_folder.Log(), "the gate's command was not run after the rejection");
    }

    [TestMethod]
    public void Replaying_a_transition_from_the_wrong_state_is_reported_with_its_line()
    {
        var header = Header(Sync);
        using (var writer = JournalWriter.Create(JournalPath, header))
        {
            writer.Append(new JournalRecord { Type = RecordTypes.Transition, Trigger = "Start", Source = "NotStarted", Destination = "ConfirmSyncWindow" });
            writer.Append(new JournalRecord { Type = RecordTypes.Transition, Trigger = "Complete", Source = "SyncFiles", Destination = "DropStagingDatabase" });
        }

        var error = Assert.ThrowsExactly<JournalCorruptException>(() => RunState.Replay(Sync, JournalReader.Read(JournalPath), JournalPath));

        Assert.AreEqual(3, error.LineNumber);
        Assert.Contains("while the run was in 'ConfirmSyncWindow'", error.Problem);
    }

    [TestMethod]
    public void Replay_rebuilds_ticks_approvals_and_completed_steps()
    {
        var header = Header(Sync);
        using (var writer = JournalWriter.Create(JournalPath, header))
        {
            writer.Append(new JournalRecord { Type = RecordTypes.Transition, Trigger = "Start", Source = "NotStarted", Destination = "ConfirmSyncWindow" });
            writer.Append(new JournalRecord { Type = RecordTypes.CheckTicked, Step = 0, Check = 0 });
            writer.Append(new JournalRecord { Type = RecordTypes.Approval, Step = 0, Approver = "Dana" });
            writer.Append(new JournalRecord { Type = RecordTypes.Transition, Trigger = "Approve", Source = "ConfirmSyncWindow", Destination = "CheckProviderApi" });
            writer.Append(new JournalRecord { Type = RecordTypes.CommandStarted, State = "CheckProviderApi", Command = 0 });
            writer.Append(new JournalRecord { Type = RecordTypes.CommandFinished, State = "CheckProviderApi", Command = 0, ExitCode = 0 });
            writer.Append(new JournalRecord { Type = RecordTypes.CommandStarted, State = "CheckProviderApi", Command = 1 });
        }

        var state = RunState.Replay(Sync, JournalReader.Read(JournalPath), JournalPath);

        Assert.AreEqual("CheckProviderApi", state.State);
        Assert.IsTrue(state.Progress.IsTicked(0, 0));
        Assert.AreEqual("Dana", state.Progress.ApprovedBy(0));
        Assert.IsTrue(state.Progress.IsCompleted(0));
        Assert.IsTrue(state.CommandSucceeded(0));
        Assert.IsFalse(state.CommandSucceeded(1));
        Assert.AreEqual(1, state.InterruptedCommand);
    }
}
