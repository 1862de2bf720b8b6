using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores;
using Spectre.Console;

namespace ChecklistDsl.Cli.Running;

/// <summary>How a run (or this part of it) ended.</summary>
internal enum RunOutcome
{
    Completed,
    RolledBack,
    Aborted,
    /// <summary>Stopped before its end (waiting for an approval, or interrupted); resumable.</summary>
    Paused,
}

/// <summary>
/// Walks a checklist's generated state machine: shows each step, runs its commands after confirmation,
/// asks for its checks and approvals, and writes every action to the journal (flushed) before taking
/// the next one. The same code continues a resumed run: it starts from the state rebuilt from the
/// journal and does not repeat a command the journal records as done.
/// </summary>
internal sealed partial class ChecklistRunner
{
    private static readonly FailureAction[] StepChoices = [FailureAction.Retry, FailureAction.RollBack, FailureAction.Abort];
    private static readonly FailureAction[] OptionalStepChoices = [FailureAction.Retry, FailureAction.Skip, FailureAction.RollBack, FailureAction.Abort];
    private static readonly FailureAction[] RollbackChoices = [FailureAction.Retry, FailureAction.Abort];

    private readonly ChecklistDefinition _checklist;
    private readonly RunState _state;
    private readonly ChecklistMachine _machine;
    private readonly IRunJournal _journal;
    private readonly RunInputs _inputs;
    private readonly IOperator _operator;
    private readonly IAnsiConsole _console;
    private readonly StepView _view;
    private readonly TimeSpan? _approvalWait;

    // approvalWait: at a gate, wait this long for approvals from other terminals (`checklist approve`)
    // instead of asking the operator; Timeout.InfiniteTimeSpan waits until Ctrl-C.
    public ChecklistRunner(RunState state, IRunJournal journal, RunInputs inputs, IOperator @operator, IAnsiConsole console, TimeSpan? approvalWait = null)
    {
        _approvalWait = approvalWait;
        _checklist = state.Definition;
        _state = state;
        _machine = _checklist.CreateMachine(state.Progress, state.State);
        _journal = journal;
        _inputs = inputs;
        _operator = @operator;
        _console = console;
        _view = new StepView(console, _checklist, inputs);
    }

    /// <summary>The machine's state now.</summary>
    public string State => _machine.State;

    /// <summary>After an abort: the state the run stopped in, in words, and the changes still in place.</summary>
    public (string StoppedAt, IReadOnlyList<string> InPlace)? AbortedAt { get; private set; }

    /// <summary>Runs until the machine finishes or the run pauses.</summary>
    public async Task<RunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!_machine.IsFinished)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_machine.State == ChecklistMachine.NotStarted)
                {
                    Fire(ChecklistTrigger.Start);
                    continue;
                }
                if (_state.PendingTrigger is { } decided)
                {
                    _console.MarkupLine($"[yellow]The run stopped after deciding '{decided}' in '{Markup.Escape(_machine.State)}' (see the journal); carrying it out.[/]");
                    Fire(decided);
                    continue;
                }
                var result = _machine.CurrentStep is { } step
                    ? await RunStepAsync(step, cancellationToken)
                    : _machine.StepBeingRolledBack is { } undone
                        ? await RunRollbackAsync(undone, cancellationToken)
                        : throw new InvalidOperationException($"The state '{_machine.State}' of '{_checklist.Name}' is neither a step nor a rollback state.");
                if (result == Next.Paused)
                    return RunOutcome.Paused;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Record(new JournalRecord { Type = RecordTypes.Paused, State = _machine.State, Text = "interrupted by the operator" });
            _console.MarkupLine("[yellow]Interrupted.[/]");
            return RunOutcome.Paused;
        }
        return _machine.State switch
        {
            ChecklistMachine.Completed => RunOutcome.Completed,
            ChecklistMachine.RolledBack => RunOutcome.RolledBack,
            _ => RunOutcome.Aborted,
        };
    }

    private enum Next { Continue, Moved, Paused }

    private async Task<Next> RunStepAsync(StepDefinition step, CancellationToken ct)
    {
        if (step.Condition is { } condition && !condition.AppliesTo(_inputs.Values))
            return SkipByCondition(step, condition);
        _view.ShowStep(step, k => _state.Progress.IsTicked(step.Index, k), NextTriggers.Describe(_machine));
        var touched = _state.AnyCommandStarted || step.Checks.Select((_, k) => k).Any(k => _state.Progress.IsTicked(step.Index, k));
        if (step.Optional && !touched && !await _operator.DoOptionalStepAsync(step, ct))
        {
            Fire(ChecklistTrigger.Skip);
            return Next.Moved;
        }
        var choices = step.Optional ? OptionalStepChoices : StepChoices;
        var next = await RunCommandsAsync(step.Commands, step.Automation, step, null, step.Timeout, choices, ct);
        if (next != Next.Continue)
            return next;
        if (step.Wait is { } waitUntil)
        {
            next = await RunWaitAsync(waitUntil, choices, ct);
            if (next != Next.Continue)
                return next;
        }

        for (var k = 0; k < step.Checks.Count; k++)
        {
            var text = step.Checks[k];
            // Shown ticked with the step already.
            if (_state.Progress.IsTicked(step.Index, k))
                continue;
            while (!await _operator.ConfirmAsync($"☐ {Markup.Escape(text)} — ticked?", ct))
            {
                next = await DecideAsync($"the check '{text}' is not ticked", choices, ct);
                if (next != Next.Continue)
                    return next;
            }
            Record(new JournalRecord { Type = RecordTypes.CheckTicked, State = step.Name, Step = step.Index, Check = k, Text = text, Via = _operator.Via });
            // Nobody looked at a box --yes ticked: the screen says so, as the journal does (via).
            _console.MarkupLine($"  [green]☑[/] {Markup.Escape(text)}{(_operator.Via == "--yes" ? " [yellow](ticked by --yes, not by a person)[/]" : "")}");
        }

        if (step.IsApproval)
        {
            if (!_state.Progress.IsApproved(step.Index))
            {
                next = _approvalWait is { } wait ? await AwaitApprovalsAsync(step, wait, ct) : await AskApprovalsAsync(step, ct);
                if (next != Next.Continue)
                    return next;
            }
            else
            {
                _console.MarkupLine($"[green]Approved earlier by {Markup.Escape(_state.Progress.ApprovedBy(step.Index)!)}.[/]");
            }
            Fire(ChecklistTrigger.Approve);
            return Next.Moved;
        }

        // A purely manual step (nothing to run or tick) is confirmed as a whole.
        if (step.Checks.Count == 0 && step.Commands.Count == 0 && step.Automation is null && step.Wait is null)
        {
            while (!await _operator.ConfirmAsync($"Is '{Markup.Escape(step.Title)}' done?", ct))
            {
                next = await DecideAsync($"'{step.Title}' is not done", choices, ct);
                if (next != Next.Continue)
                    return next;
            }
            if (_operator.Via == "--yes")
                _console.MarkupLine($"  [yellow]'{Markup.Escape(step.Title)}' confirmed done by --yes, not by a person[/]");
        }
        Fire(ChecklistTrigger.Complete);
        return Next.Moved;
    }

    /// <summary>
    /// Approvals given here (prompted, or scripted with --approve/--approver), one distinct name at a time
    /// until the gate's quorum; the run's own operator is refused unless the gate allows self-approval.
    /// </summary>
    private async Task<Next> AskApprovalsAsync(StepDefinition step, CancellationToken ct)
    {
        while (!_state.Progress.IsApproved(step.Index))
        {
            switch (await _operator.ApproveAsync(step, ct))
            {
                case ApprovalDecision.Approved approved:
                    var refusal = Refusal(step, approved.Approver);
                    if (refusal is not null)
                    {
                        _console.MarkupLine($"[red]{Markup.Escape(refusal)}[/]");
                        if (approved.Via == "prompt")
                            continue;
                        return Pause(step, refusal);
                    }
                    Record(new JournalRecord { Type = RecordTypes.Approval, State = step.Name, Step = step.Index, Role = step.ApprovalRole, Approver = approved.Approver, Via = approved.Via, Verified = false });
                    // A name typed here (or on the command line) is whatever was typed: say so wherever it is shown.
                    _console.MarkupLine($"[green]Approved by {Markup.Escape(approved.Approver)} ({Markup.Escape(step.ApprovalRole!)}).[/] [grey](unverified name){Tally(step)}[/]");
                    break;
                case ApprovalDecision.Rejected rejected:
                    Record(new JournalRecord { Type = RecordTypes.Rejection, State = step.Name, Step = step.Index, Role = step.ApprovalRole, Approver = rejected.Approver, Text = _inputs.Redactor.Redact(rejected.Reason), Via = rejected.Via, Verified = false });
                    _console.MarkupLine($"[red]Rejected by {Markup.Escape(rejected.Approver)}.[/]");
                    Fire(ChecklistTrigger.Reject);
                    return Next.Moved;
                case ApprovalDecision.Pending pending:
                    return Pause(step, pending.Why);
            }
        }
        return Next.Continue;
    }

    /// <summary>Why an approval by <paramref name="approver"/> does not count here, or <see langword="null"/>.</summary>
    private string? Refusal(StepDefinition step, string approver)
    {
        if (!step.AllowsSelfApproval && string.Equals(approver.Trim(), _state.Header.User, StringComparison.OrdinalIgnoreCase))
            return $"Four-eyes rule: {approver} operates this run and cannot approve its gate '{step.Title}'; another {step.ApprovalRole} must.";
        if (_state.ApproversOf(step.Index).Contains(approver.Trim(), StringComparer.Ordinal))
            return $"{approver} has already approved '{step.Title}'; it needs {step.ApprovalsRequired} approvals by distinct {step.ApprovalRole}s.";
        return null;
    }

    private string Tally(StepDefinition step) =>
        step.ApprovalsRequired > 1 ? $" — {_state.ApproversOf(step.Index).Count} of {step.ApprovalsRequired}" : "";

    /// <summary>Records that the gate waits and pauses the run there; <c>checklist approve</c> can approve it meanwhile.</summary>
    private Next Pause(StepDefinition step, string why)
    {
        RecordAwaiting(step);
        Record(new JournalRecord { Type = RecordTypes.Paused, State = step.Name, Text = why });
        _console.MarkupLine($"[yellow]Waiting for approval.[/] {Markup.Escape(why)}");
        return Next.Paused;
    }

    private void RecordAwaiting(StepDefinition step) =>
        Record(new JournalRecord
        {
            Type = RecordTypes.AwaitingApproval, State = step.Name, Step = step.Index, Role = step.ApprovalRole,
            Required = step.ApprovalsRequired, SelfApproval = step.AllowsSelfApproval ? true : null,
        });

    /// <summary>
    /// Waits at the gate for approvals given from other terminals (<c>checklist approve</c>), showing the
    /// count, for at most <paramref name="wait"/> (<see cref="Timeout.InfiniteTimeSpan"/>: until Ctrl-C); then pauses.
    /// </summary>
    private async Task<Next> AwaitApprovalsAsync(StepDefinition step, TimeSpan wait, CancellationToken ct)
    {
        RecordAwaiting(step);
        var deadline = wait == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow + wait;
        var shown = -1;
        while (true)
        {
            foreach (var record in _journal.TakeOutside())
            {
                if (_state.Apply(record) is { } problem)
                    throw new InvalidOperationException($"A record given from outside does not fit the run: {problem}.");
                if (record.Step != step.Index)
                    continue;
                if (record.Type == RecordTypes.Approval)
                    _console.MarkupLine($"[green]Approved by {Markup.Escape(record.Approver!)} ({Markup.Escape(step.ApprovalRole!)}){(record.Text is { Length: > 0 } c ? $": {Markup.Escape(c)}" : "")}.[/]{(record.Verified == true ? "" : " [grey](unverified name)[/]")}");
                else if (record.Type == RecordTypes.Rejection)
                {
                    _console.MarkupLine($"[red]Rejected by {Markup.Escape(record.Approver!)}: {Markup.Escape(record.Text ?? "")}[/]");
                    Fire(ChecklistTrigger.Reject);
                    return Next.Moved;
                }
            }
            if (_state.Progress.IsApproved(step.Index))
                return Next.Continue;
            var count = _state.ApproversOf(step.Index).Count;
            if (count != shown)
            {
                shown = count;
                _console.MarkupLine($"[yellow]Waiting for {Markup.Escape(step.ApprovalRole!)} ({count} of {step.ApprovalsRequired}).[/] " +
                                    $"From another terminal: `checklist approve {_state.Header.RunId} --role \"{Markup.Escape(step.ApprovalRole!)}\"` (or `checklist reject ... --comment TEXT`).");
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                Record(new JournalRecord { Type = RecordTypes.Paused, State = step.Name, Text = $"waiting for {step.ApprovalRole} ({count} of {step.ApprovalsRequired})" });
                _console.MarkupLine($"[yellow]Waiting for approval.[/] Approvals given meanwhile with `checklist approve {_state.Header.RunId} --role \"{Markup.Escape(step.ApprovalRole!)}\"` are kept; `checklist resume {_state.Header.RunId}` continues.");
                return Next.Paused;
            }
            await _journal.WaitForOutsideAsync(left < OutsidePoll ? left : OutsidePoll, ct);
        }
    }

    // A notification can arrive while the session is busy (and not wake the wait): look again at least this often.
    private static readonly TimeSpan OutsidePoll = TimeSpan.FromSeconds(2);

    private async Task<Next> RunRollbackAsync(StepDefinition undone, CancellationToken ct)
    {
        var rollback = _checklist.FindRollback(undone.RollbackName);
        if (rollback?.Condition is { } condition && !condition.AppliesTo(_inputs.Values))
            return SkipRollbackByCondition(undone, rollback, condition);
        _view.ShowRollback(undone, rollback);
        var next = await RunCommandsAsync(rollback?.Commands ?? [], rollback?.Automation, null, rollback, undone.Timeout, RollbackChoices, ct);
        if (next != Next.Continue)
            return next;
        var title = rollback?.Title ?? $"undo '{undone.Title}'";
        while (!await _operator.ConfirmAsync($"Is the rollback '{Markup.Escape(title)}' done?", ct))
        {
            next = await DecideAsync($"the rollback '{title}' is not done", RollbackChoices, ct);
            if (next != Next.Continue)
                return next;
        }
        Fire(ChecklistTrigger.Complete);
        return Next.Moved;
    }

    /// <summary>Runs the commands (then the C# automation) of the current state, skipping those the journal records as done.</summary>
    private async Task<Next> RunCommandsAsync(
        IReadOnlyList<string> commands,
        Func<object, StepContext, Task>? automation,
        StepDefinition? step,
        RollbackDefinition? rollback,
        TimeSpan? timeout,
        IReadOnlyList<FailureAction> choices,
        CancellationToken ct)
    {
        var stateName = _machine.State;
        var retries = step?.CommandRetries ?? rollback?.CommandRetries ?? [];
        var count = commands.Count + (automation is null ? 0 : 1);
        var interruptedHandled = false;
        for (var j = 0; j < count;)
        {
            var isAutomation = j == commands.Count;
            var line = isAutomation ? null : _inputs.Builder.Build(commands[j]);
            var shown = isAutomation ? $"(C# automation of '{step?.Title ?? rollback?.Title}')" : _inputs.Redactor.Redact(line!);
            // The C# automation is not retried: it may not be safe to run twice.
            var retry = !isAutomation && j < retries.Count ? retries[j] : CommandRetry.None;
            var attempts = new Attempts(retry, _state.FailedAttempts(j).Count);
            if (_state.CommandSucceeded(j))
            {
                _console.MarkupLine($"  [green]✓[/] {Markup.Escape(shown)} [grey](done earlier)[/]");
                j++;
                continue;
            }
            string? problem = null;
            if (_state.InterruptedCommand == j && !interruptedHandled)
            {
                interruptedHandled = true;
                _console.MarkupLine($"[yellow]This command was started before the run stopped, and its end was never recorded:[/] {Markup.Escape(shown)}");
                switch (await _operator.OnInterruptedCommandAsync(shown, ct))
                {
                    case InterruptedCommandAction.MarkDone:
                        Record(new JournalRecord { Type = RecordTypes.CommandAccepted, State = stateName, Command = j, Line = shown, Via = _operator.Via });
                        j++;
                        continue;
                    case InterruptedCommandAction.Fail:
                        problem = $"{shown} was interrupted";
                        break;
                }
            }
            else if (attempts.Exhausted)
            {
                // The journal has every attempt failed, and the run stopped before the decision: decide now.
                problem = $"{shown} failed{attempts.Label(attempts.Made)}, as recorded before the run stopped";
            }
            else if (!await _operator.ConfirmAsync($"Run [blue]{Markup.Escape(shown)}[/]{Markup.Escape(attempts.Label(attempts.Number))}?", ct))
            {
                problem = $"{shown} was not confirmed";
            }

            while (problem is null)
            {
                // After a failed attempt (in this process or, resumed, in an earlier one): the rest of its delay.
                await PauseBeforeRetryAsync(retry, _state.FailedAttempts(j), ct);
                attempts = new Attempts(retry, _state.FailedAttempts(j).Count);
                Record(new JournalRecord { Type = RecordTypes.CommandStarted, State = stateName, Command = j, Line = shown, Attempt = attempts.RecordedNumber, MaxAttempts = attempts.RecordedMax });
                _console.MarkupLine($"  [blue]▶[/] {Markup.Escape(shown)}{Markup.Escape(attempts.Label(attempts.Number))}");
                var result = isAutomation
                    ? await RunAutomationAsync(automation!, step, rollback, timeout, ct)
                    : await ShellCommand.RunAsync(line!, _inputs.Environment, timeout, _inputs.Redactor, WriteOutput, ct);
                Record(new JournalRecord
                {
                    Type = RecordTypes.CommandFinished, State = stateName, Command = j, ExitCode = result.ExitCode,
                    TimedOut = result.TimedOut ? true : null, Interrupted = result.Interrupted ? true : null,
                    Output = result.Output, OutputTruncated = result.OutputTruncated ? true : null,
                    Attempt = attempts.RecordedNumber, MaxAttempts = attempts.RecordedMax,
                });
                ct.ThrowIfCancellationRequested();
                if (result.Succeeded)
                    break;
                _console.MarkupLine($"  [red]✗ {Markup.Escape(result.Describe())}{Markup.Escape(attempts.Label(attempts.Number))}[/]");
                if (attempts.IsLast)
                    problem = $"{shown} {result.Describe()}{attempts.Label(attempts.Number)}";
            }
            if (problem is null)
            {
                _console.MarkupLine($"  [green]✓[/] exit code 0");
                j++;
                continue;
            }
            var next = await DecideAsync(problem, choices, ct);
            if (next != Next.Continue)
                return next;
        }
        return Next.Continue;
    }

    /// <summary>Asks what to do after a failure, records the answer and acts on it; <see cref="Next.Continue"/> means retry.</summary>
    private async Task<Next> DecideAsync(string problem, IReadOnlyList<FailureAction> choices, CancellationToken ct)
    {
        _console.MarkupLine($"[red]Problem:[/] {Markup.Escape(problem)}");
        // "Roll back" only when there is something to undo; then it names what.
        var undo = choices.Contains(FailureAction.RollBack) ? RollbackPlan.StepsToUndo(_state, _machine.State) : [];
        if (undo.Count == 0)
            choices = choices.Where(c => c != FailureAction.RollBack).ToArray();
        var action = await _operator.OnFailureAsync(problem, choices, undo.Select(s => $"{s.Index + 1}. {s.Title}").ToArray(), ct);
        Record(new JournalRecord { Type = RecordTypes.Failure, State = _machine.State, Text = problem, Action = action.ToString(), Via = _operator.Via });
        if (action.Trigger() is not { } trigger)
            return Next.Continue;
        Fire(trigger);
        return Next.Moved;
    }

    private async Task<CommandResult> RunAutomationAsync(
        Func<object, StepContext, Task> automation, StepDefinition? step, RollbackDefinition? rollback, TimeSpan? timeout, CancellationToken ct)
    {
        var output = new LineWriter(line => WriteOutput(_inputs.Redactor.Redact(line)));
        using var timeoutSource = timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, ct);
        try
        {
            var instance = _checklist.CreateInstance?.Invoke(_inputs.AllValues())
                ?? throw new InvalidOperationException($"'{_checklist.Name}' cannot be instantiated to run its automation.");
            var context = new StepContext(_checklist, step, rollback, _inputs.Values, output, dryRun: false, linked.Token);
            var task = automation(instance, context);
            var finished = await Task.WhenAny(task, Task.Delay(Timeout.Infinite, linked.Token));
            if (finished != task)
                return Ended(null, timeoutSource.IsCancellationRequested && !ct.IsCancellationRequested, ct.IsCancellationRequested);
            await task;
            return Ended(0, false, false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            return Ended(null, timeoutSource.IsCancellationRequested && !ct.IsCancellationRequested, ct.IsCancellationRequested);
        }
        catch (Exception e)
        {
            output.WriteLine($"{e.GetType().Name}: {e.Message}");
            return Ended(1, false, false);
        }

        CommandResult Ended(int? exitCode, bool timedOut, bool interrupted)
        {
            output.Flush();
            return new CommandResult(exitCode, timedOut, interrupted, _inputs.Redactor.Redact(output.Captured), false);
        }
    }

    private void WriteOutput(string line) => _console.Profile.Out.Writer.WriteLine("  │ " + line);

    private void Fire(ChecklistTrigger trigger)
    {
        var source = _machine.State;
        // A trigger the machine refuses throws its own message (StatelessMachine: the unticked checks,
        // the missing approval or the permitted triggers), before anything is recorded.
        var inPlace = RollbackPlan.ChangesInPlace(_state, source, completing: trigger == ChecklistTrigger.Complete);
        _machine.Fire(trigger);
        if (_machine.State == ChecklistMachine.RolledBack)
        {
            // A rollback walks only the procedures the plan has: a change without one stays in place.
            Record(new JournalRecord { Type = RecordTypes.Transition, Trigger = trigger.ToString(), Source = source, Destination = _machine.State, InPlace = inPlace.Count == 0 ? null : inPlace });
            return;
        }
        if (_machine.State != ChecklistMachine.Aborted)
        {
            Record(new JournalRecord { Type = RecordTypes.Transition, Trigger = trigger.ToString(), Source = source, Destination = _machine.State });
            return;
        }
        var stoppedAt = RollbackPlan.Describe(_checklist, source);
        Record(new JournalRecord
        {
            Type = RecordTypes.Transition, Trigger = trigger.ToString(), Source = source, Destination = _machine.State,
            Text = $"stopped at {stoppedAt}", InPlace = inPlace,
        });
        AbortedAt = (stoppedAt, inPlace);
    }

    private void Record(JournalRecord record)
    {
        _journal.Append(record);
        if (_state.Apply(record) is { } problem)
            throw new InvalidOperationException($"The run's own record does not fit its state: {problem}.");
    }

    /// <summary>A writer that hands on whole lines, and keeps everything written.</summary>
    private sealed class LineWriter(Action<string> onLine) : StringWriter
    {
        private readonly System.Text.StringBuilder _pending = new();
        private readonly System.Text.StringBuilder _all = new();

        public string Captured => _all.ToString();

        public override void Write(char value)
        {
            _all.Append(value);
            if (value == '\n')
            {
                onLine(_pending.ToString().TrimEnd('\r'));
                _pending.Clear();
            }
            else
            {
                _pending.Append(value);
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
                Write(c);
        }

        public override void Flush()
        {
            if (_pending.Length > 0)
            {
                onLine(_pending.ToString());
                _all.Append('\n');
                _pending.Clear();
            }
        }
    }
}
