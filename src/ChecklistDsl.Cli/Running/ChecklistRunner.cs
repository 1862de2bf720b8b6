using ChecklistDsl.Cli.Journal;
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
internal sealed class ChecklistRunner
{
    private static readonly FailureAction[] StepChoices = [FailureAction.Retry, FailureAction.RollBack, FailureAction.Abort];
    private static readonly FailureAction[] OptionalStepChoices = [FailureAction.Retry, FailureAction.Skip, FailureAction.RollBack, FailureAction.Abort];
    private static readonly FailureAction[] RollbackChoices = [FailureAction.Retry, FailureAction.Abort];

    private readonly ChecklistDefinition _checklist;
    private readonly RunState _state;
    private readonly ChecklistMachine _machine;
    private readonly JournalWriter _journal;
    private readonly RunInputs _inputs;
    private readonly IOperator _operator;
    private readonly IAnsiConsole _console;
    private readonly StepView _view;

    public ChecklistRunner(RunState state, JournalWriter journal, RunInputs inputs, IOperator @operator, IAnsiConsole console)
    {
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
        _view.ShowStep(step, k => _state.Progress.IsTicked(step.Index, k));
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
                var decision = await _operator.ApproveAsync(step, ct);
                switch (decision)
                {
                    case ApprovalDecision.Approved approved:
                        Record(new JournalRecord { Type = RecordTypes.Approval, State = step.Name, Step = step.Index, Role = step.ApprovalRole, Approver = approved.Approver, Via = approved.Via });
                        _console.MarkupLine($"[green]Approved by {Markup.Escape(approved.Approver)} ({Markup.Escape(step.ApprovalRole!)}).[/]");
                        break;
                    case ApprovalDecision.Rejected rejected:
                        Record(new JournalRecord { Type = RecordTypes.Rejection, State = step.Name, Step = step.Index, Role = step.ApprovalRole, Approver = rejected.Approver, Text = _inputs.Redactor.Redact(rejected.Reason), Via = rejected.Via });
                        _console.MarkupLine($"[red]Rejected by {Markup.Escape(rejected.Approver)}.[/]");
                        Fire(ChecklistTrigger.Reject);
                        return Next.Moved;
                    case ApprovalDecision.Pending pending:
                        Record(new JournalRecord { Type = RecordTypes.Paused, State = step.Name, Text = pending.Why });
                        _console.MarkupLine($"[yellow]Waiting for approval.[/] {Markup.Escape(pending.Why)}");
                        return Next.Paused;
                }
            }
            else
            {
                _console.MarkupLine($"[green]Approved earlier by {Markup.Escape(_state.Progress.ApprovedBy(step.Index)!)}.[/]");
            }
            Fire(ChecklistTrigger.Approve);
            return Next.Moved;
        }

        // A purely manual step (nothing to run or tick) is confirmed as a whole.
        if (step.Checks.Count == 0 && step.Commands.Count == 0 && step.Automation is null)
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

    private async Task<Next> RunRollbackAsync(StepDefinition undone, CancellationToken ct)
    {
        var rollback = _checklist.FindRollback(undone.RollbackName);
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
        var count = commands.Count + (automation is null ? 0 : 1);
        var interruptedHandled = false;
        for (var j = 0; j < count;)
        {
            var isAutomation = j == commands.Count;
            var line = isAutomation ? null : _inputs.Builder.Build(commands[j]);
            var shown = isAutomation ? $"(C# automation of '{step?.Title ?? rollback?.Title}')" : _inputs.Redactor.Redact(line!);
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
            else if (!await _operator.ConfirmAsync($"Run [blue]{Markup.Escape(shown)}[/]?", ct))
            {
                problem = $"{shown} was not confirmed";
            }

            if (problem is null)
            {
                Record(new JournalRecord { Type = RecordTypes.CommandStarted, State = stateName, Command = j, Line = shown });
                _console.MarkupLine($"  [blue]▶[/] {Markup.Escape(shown)}");
                var result = isAutomation
                    ? await RunAutomationAsync(automation!, step, rollback, timeout, ct)
                    : await ShellCommand.RunAsync(line!, _inputs.Environment, timeout, _inputs.Redactor, WriteOutput, ct);
                Record(new JournalRecord
                {
                    Type = RecordTypes.CommandFinished, State = stateName, Command = j, ExitCode = result.ExitCode,
                    TimedOut = result.TimedOut ? true : null, Interrupted = result.Interrupted ? true : null,
                    Output = result.Output, OutputTruncated = result.OutputTruncated ? true : null,
                });
                ct.ThrowIfCancellationRequested();
                if (result.Succeeded)
                {
                    _console.MarkupLine($"  [green]✓[/] exit code 0");
                    j++;
                    continue;
                }
                problem = $"{shown} {result.Describe()}";
                _console.MarkupLine($"  [red]✗ {Markup.Escape(result.Describe())}[/]");
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
        if (!_machine.CanFire(trigger, out var unmet))
            throw new InvalidOperationException($"'{trigger}' cannot fire in '{source}' of '{_checklist.Name}': {string.Join("; ", unmet)}.");
        var inPlace = RollbackPlan.ChangesInPlace(_state, source);
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
