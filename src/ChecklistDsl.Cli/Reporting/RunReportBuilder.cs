using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Running;

namespace ChecklistDsl.Cli.Reporting;

/// <summary>
/// Builds a <see cref="RunReport"/> from a journal's records. The journal is the source of every fact;
/// the checklist's definition, when given, only adds titles, sections, which rollback undid which step,
/// and the accepted risks (<c>AssumeSafe</c>) of the plan. Every text is passed through the credential
/// redactor once more, so that a report never shows more than the journal should have held.
/// </summary>
internal static class RunReportBuilder
{
    private static readonly SecretRedactor Redactor = new([]);

    /// <param name="records">The journal, header first.</param>
    /// <param name="definition">The checklist, or null when only the journal is at hand.</param>
    /// <param name="integrity">The journal's verdict; null when there was nothing to check.</param>
    /// <param name="isLive">Whether a process holds the run's lock now (the run is going on).</param>
    /// <param name="runbookLink">The runbook's wiki page, if any.</param>
    public static RunReport Build(IReadOnlyList<JournalRecord> records, ChecklistDefinition? definition, ChainVerdict? integrity, bool isLive, string? runbookLink)
    {
        var header = records[0];
        var plan = header.Steps ?? [];
        var starter = header.User ?? "?";
        var actor = $"{starter}@{header.Host}";
        var sameChecklist = definition is not null && definition.Name == header.Checklist;
        var stepDefinitions = sameChecklist ? definition!.Steps.ToDictionary(s => s.Name) : [];
        // Rollback state -> the step it undoes (the definition knows; the journal alone does not).
        var undoes = sameChecklist
            ? definition!.Steps.Where(s => s.RollbackState is not null).GroupBy(s => s.RollbackState!).ToDictionary(g => g.Key, g => g.First())
            : [];
        string StepTitle(string state) =>
            stepDefinitions.TryGetValue(state, out var s) ? s.Title
            : undoes.TryGetValue(state, out var u) ? RollbackTitle(definition!, u)
            : state;

        var deviations = new List<ReportDeviation>();
        var commands = new List<ReportCommand>();
        var decisions = new List<ReportDecision>();
        var checks = new Dictionary<string, List<ReportCheck>>();
        var entered = new Dictionary<string, DateTimeOffset>();
        var enteredBy = new Dictionary<string, string>();
        var left = new Dictionary<string, (string Trigger, DateTimeOffset At)>();
        var rollbackOrder = new List<string>();
        var openCommands = new Dictionary<(string, int), int>();
        var skippedByCondition = new HashSet<string>();
        var state = ChecklistMachine.NotStarted;
        DateTimeOffset? ended = null;

        foreach (var r in records.Skip(1))
        {
            switch (r.Type)
            {
                case RecordTypes.Resumed:
                    actor = $"{r.User}@{r.Host}";
                    deviations.Add(new("resume", $"Resumed at '{StepTitle(r.State ?? state)}' by {r.User} on {r.Host} (pid {r.Pid})"
                        + (r.SourceRevision is { } rev && rev != header.SourceRevision ? $", from source revision {rev}" : ""), r.At, actor));
                    break;
                case RecordTypes.Transition:
                    var source = r.Source!;
                    var destination = r.Destination!;
                    left[source] = (r.Trigger!, r.At);
                    if (entered.TryAdd(destination, r.At))
                        enteredBy[destination] = actor;
                    var isStep = plan.Any(s => s.Name == destination);
                    if (!isStep && destination is not (ChecklistMachine.Completed or ChecklistMachine.Aborted or ChecklistMachine.RolledBack or ChecklistMachine.NotStarted)
                        && !rollbackOrder.Contains(destination))
                    {
                        rollbackOrder.Add(destination);
                    }
                    // A skip by condition is listed once, from its own record (with the input's value).
                    if (r.Trigger == nameof(ChecklistTrigger.Skip) && !skippedByCondition.Contains(source))
                        deviations.Add(new("skip", $"Skipped '{StepTitle(source)}'{SkipReason(stepDefinitions.GetValueOrDefault(source))}", r.At, actor));
                    if (destination is ChecklistMachine.Completed or ChecklistMachine.Aborted or ChecklistMachine.RolledBack)
                        ended = r.At;
                    state = destination;
                    break;
                case RecordTypes.CheckTicked:
                    var owner = r.State ?? (r.Step is { } k && k < plan.Count ? plan[k].Name : "?");
                    if (!checks.TryGetValue(owner, out var list))
                        checks[owner] = list = [];
                    list.Add(new(Redact(r.Text ?? $"check {r.Check}"), actor, r.Via, r.At));
                    break;
                case RecordTypes.Approval:
                case RecordTypes.Rejection:
                    var approved = r.Type == RecordTypes.Approval;
                    var gate = r.Step is { } g && g < plan.Count ? StepTitle(plan[g].Name) : StepTitle(r.State ?? "?");
                    decisions.Add(new(gate, r.Role ?? "?", approved ? "approved" : "rejected", Redact(r.Approver!), r.Verified == true, r.Via, r.At,
                        r.Text is null ? null : Redact(r.Text)));
                    if (!approved)
                        deviations.Add(new("rejection", $"'{gate}' rejected by {Redact(r.Approver!)} ({r.Role}){(r.Text is null ? "" : $": {Redact(r.Text)}")}", r.At, actor));
                    break;
                case RecordTypes.CommandStarted:
                    openCommands[(r.State!, r.Command!.Value)] = commands.Count;
                    commands.Add(new ReportCommand
                    {
                        State = r.State!, StepTitle = StepTitle(r.State!), Index = r.Command!.Value, Line = Redact(r.Line ?? "?"),
                        StartedAt = r.At, NoEndRecorded = true, By = actor,
                    });
                    break;
                case RecordTypes.ConditionSkipped:
                    skippedByCondition.Add(r.State ?? "?");
                    deviations.Add(new("condition skip", $"Skipped '{StepTitle(r.State ?? "?")}' by its condition ({r.Text}): {r.Input} was '{Redact(r.Value ?? "")}'", r.At, actor));
                    break;
                case RecordTypes.WaitTimedOut:
                    deviations.Add(new("wait timed out", $"The wait of '{StepTitle(r.State ?? "?")}' timed out after {r.Poll} poll(s)", r.At, actor));
                    break;
                case RecordTypes.CommandFinished:
                    // A retried command that failed before its last attempt: a deviation the reader sees first.
                    if (r.Attempt is { } attempt && r.MaxAttempts is { } attempts && attempt < attempts && r.ExitCode is not 0)
                        deviations.Add(new("retry", $"Command {r.Command + 1} of '{StepTitle(r.State!)}' failed on attempt {attempt} of {attempts} (exit code {r.ExitCode}) and was retried", r.At, actor));
                    if (openCommands.Remove((r.State!, r.Command!.Value), out var at))
                    {
                        commands[at] = commands[at] with
                        {
                            NoEndRecorded = false, ExitCode = r.ExitCode, TimedOut = r.TimedOut == true, Interrupted = r.Interrupted == true,
                            DurationSeconds = (r.At - commands[at].StartedAt).TotalSeconds,
                            Output = r.Output is null ? null : Redact(r.Output), OutputTruncated = r.OutputTruncated == true,
                        };
                    }
                    break;
                case RecordTypes.CommandAccepted:
                    // The interrupted command's own entry (started, end never recorded) says it was accepted.
                    if (openCommands.Remove((r.State!, r.Command!.Value), out var interrupted))
                    {
                        commands[interrupted] = commands[interrupted] with { AcceptedWithoutRunning = true };
                    }
                    else
                    {
                        commands.Add(new ReportCommand
                        {
                            State = r.State!, StepTitle = StepTitle(r.State!), Index = r.Command!.Value, Line = Redact(r.Line ?? "?"),
                            StartedAt = r.At, AcceptedWithoutRunning = true, NoEndRecorded = true, By = actor,
                        });
                    }
                    deviations.Add(new("accepted-command", $"Accepted as done without running it again (it was interrupted): {Redact(r.Line ?? "?")} in '{StepTitle(r.State!)}'{Via(r.Via)}", r.At, actor));
                    break;
                case RecordTypes.Failure:
                    deviations.Add(new("failure", $"Failure in '{StepTitle(r.State ?? state)}': {Redact(r.Text ?? "?")}. Action taken: {ActionText(r.Action)}{Via(r.Via)}", r.At, actor));
                    break;
                case RecordTypes.Paused:
                    deviations.Add(new("pause", $"Paused at '{StepTitle(r.State ?? state)}': {Redact(r.Text ?? "")}", r.At, actor));
                    break;
                case RecordTypes.Abandoned:
                    deviations.Add(new("abandon", $"Abandoned by {r.User}{(r.Text is null ? "" : $": {Redact(r.Text)}")}", r.At, $"{r.User}@{r.Host}"));
                    ended = r.At;
                    state = RunStates.Abandoned;
                    break;
                case RecordTypes.TornTailSetAside:
                    deviations.Add(new("torn-record", $"A record cut off by a crash ({r.Length} bytes, its action never taken) was set aside to {r.Text}", r.At, actor));
                    break;
                case RecordTypes.Unlocked:
                    deviations.Add(new("unlock", $"Lock cleared by {r.User} on {r.Host}{(r.Text is null ? "" : $": {Redact(r.Text)}")}", r.At, $"{r.User}@{r.Host}"));
                    break;
            }
        }

        foreach (var rollback in rollbackOrder)
        {
            var (done, at) = left.TryGetValue(rollback, out var l) ? (l.Trigger == nameof(ChecklistTrigger.Complete), l.At) : (false, (DateTimeOffset?)null);
            var status = at is null ? "not finished" : done ? "done" : "failed";
            deviations.Add(new("rollback", $"Rollback '{StepTitle(rollback)}' walked: {status}", entered[rollback], enteredBy[rollback]));
        }
        if (sameChecklist)
        {
            foreach (var step in definition!.Steps)
            {
                foreach (var risk in step.AcceptedRisks)
                    deviations.Add(new("accepted-risk", $"{risk.RuleId} accepted on '{step.Title}' (AssumeSafe): {risk.Because}", null, null));
            }
        }

        var finished = RunStates.IsEnd(state);
        var last = records[^1];
        var (outcome, detail) = Outcome(state, finished, isLive, last, header.RunId!, StepTitle);

        var timeline = new List<ReportStep>();
        for (var i = 0; i < plan.Count; i++)
        {
            var name = plan[i].Name;
            stepDefinitions.TryGetValue(name, out var stepDefinition);
            var status = StepStatus(name, entered, left, state, finished, outcome);
            if (stepDefinition?.RollbackState is { } rb && left.TryGetValue(rb, out var undone) && undone.Trigger == nameof(ChecklistTrigger.Complete))
                status = status == "failed" ? "failed, rolled back" : "rolled back";
            timeline.Add(Row(i + 1, name, stepDefinition?.Title ?? name, stepDefinition?.Section, false, status));
        }
        foreach (var rollback in rollbackOrder)
        {
            var status = StepStatus(rollback, entered, left, state, finished, outcome);
            timeline.Add(Row(timeline.Count + 1, rollback, StepTitle(rollback), "Rollback", true, status));
        }

        var endOrLast = ended ?? last.At;
        return new RunReport
        {
            RunId = header.RunId!,
            Checklist = header.Checklist!,
            Title = Redact(header.Title ?? (sameChecklist ? definition!.Title : header.Checklist!)),
            Target = header.Target!,
            Operator = starter,
            Host = header.Host ?? "?",
            StartedAt = header.At,
            EndedAt = ended,
            LastActivityAt = last.At,
            Outcome = outcome,
            OutcomeDetail = detail,
            DurationSeconds = (endOrLast - header.At).TotalSeconds,
            PlanFingerprint = header.Fingerprint!,
            SourceRevision = header.SourceRevision,
            RunbookLink = runbookLink,
            PlanSource = !sameChecklist ? "the journal alone (no checklists project or assembly loaded): steps are named by their method names"
                : definition!.Fingerprint == header.Fingerprint ? "the checklist, same plan as the run"
                : $"the checklist, whose plan has changed since the run (now {definition.Fingerprint}): titles are today's",
            Integrity = integrity is null
                ? new ReportIntegrity("not chained", JournalIntegrity.NotChecked, records.Count, null, null)
                : new ReportIntegrity(integrity.Status.ToString().ToLowerInvariant(), integrity.ToString(), integrity.Records, integrity.BadRecord, integrity.Head),
            Inputs = header.Inputs ?? new Dictionary<string, string>(),
            Deviations = deviations.OrderBy(d => d.At ?? DateTimeOffset.MaxValue).ToArray(),
            Timeline = timeline,
            Commands = commands,
            Approvals = decisions,
        };

        ReportStep Row(int number, string name, string title, string? section, bool isRollback, string status)
        {
            DateTimeOffset? start = entered.TryGetValue(name, out var s) ? s : null;
            DateTimeOffset? end = left.TryGetValue(name, out var e) ? e.At : null;
            return new ReportStep
            {
                Number = number, Name = name, Title = title, Section = section, IsRollback = isRollback, Status = status,
                StartedAt = start, EndedAt = end,
                DurationSeconds = start is { } a && end is { } b ? (b - a).TotalSeconds : null,
                Checks = checks.TryGetValue(name, out var c) ? c : [],
            };
        }
    }

    /// <summary>Why a step could be skipped, as far as the plan says.</summary>
    private static string SkipReason(StepDefinition? step) => step switch
    {
        { Condition: { } condition } => $" (it applies only when {condition.Describe()})",
        { Optional: true } => " (an optional step)",
        _ => "",
    };

    /// <summary>A rollback row's title: the procedure, and the step it undoes.</summary>
    private static string RollbackTitle(ChecklistDefinition definition, StepDefinition undone) =>
        $"{definition.FindRollback(undone.RollbackName)?.Title ?? undone.RollbackName} (undoing '{undone.Title}')";

    private static string StepStatus(string name, Dictionary<string, DateTimeOffset> entered, Dictionary<string, (string Trigger, DateTimeOffset At)> left,
        string state, bool finished, string outcome)
    {
        if (!entered.ContainsKey(name))
            return "not reached";
        if (left.TryGetValue(name, out var l) && !(name == state && !finished))
        {
            return l.Trigger switch
            {
                nameof(ChecklistTrigger.Complete) or nameof(ChecklistTrigger.Approve) => "done",
                nameof(ChecklistTrigger.Skip) => "skipped",
                nameof(ChecklistTrigger.Fail) => "failed",
                nameof(ChecklistTrigger.Reject) => "rejected",
                nameof(ChecklistTrigger.Abort) => "aborted",
                _ => l.Trigger.ToLowerInvariant(),
            };
        }
        return outcome switch
        {
            "in progress" => "in progress",
            "paused" => "paused here",
            "abandoned" => "abandoned here",
            _ => "stopped here",
        };
    }

    private static (string Outcome, string Detail) Outcome(string state, bool finished, bool isLive, JournalRecord last, string runId, Func<string, string> title)
    {
        if (finished)
        {
            return state switch
            {
                ChecklistMachine.Completed => ("completed", "Every step was done or skipped as the plan allows."),
                ChecklistMachine.RolledBack => ("rolled back", "A step failed and the rollback path was walked to its end."),
                RunStates.Abandoned => ("abandoned", "The run was given up with `checklist abandon` before its end (see the deviations)."),
                _ => ("aborted", "The run was stopped before its end, without (or after a failed) rollback."),
            };
        }
        var resume = $"`checklist resume {runId}` continues it.";
        if (isLive)
            return ("in progress", $"The run is going on now (its process holds the lock), at '{title(state)}'. This report shows it so far.");
        if (state == ChecklistMachine.NotStarted)
            return ("not started", $"The journal holds no step yet. {resume}");
        if (last.Type == RecordTypes.Paused)
            return ("paused", $"The run is paused at '{title(state)}': {Redact(last.Text ?? "")}. {resume}");
        return ("stopped", $"The run stopped at '{title(state)}' without recording a pause (its process ended: a crash or a kill). {resume}");
    }

    private static string ActionText(string? action) => action switch
    {
        nameof(FailureAction.Retry) => "retry",
        nameof(FailureAction.Skip) => "skip the step",
        nameof(FailureAction.RollBack) => "roll back",
        nameof(FailureAction.Abort) => "abort",
        _ => action ?? "?",
    };

    private static string Via(string? via) => via is null ? "" : $" (via {via})";

    private static string Redact(string text) => Redactor.Redact(text);
}
