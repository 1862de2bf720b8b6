
namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// A run's state as its journal tells it: the machine state, the progress (ticks, approvals,
/// completed and skipped steps) and, for the current state, which commands finished and which one
/// was started without being recorded as finished. The runner applies each record it writes; resume
/// applies the records it reads, so both see the same state.
/// </summary>
internal sealed class RunState
{
    private readonly Dictionary<int, bool> _finished = [];
    private readonly Dictionary<int, (int Count, DateTimeOffset LastAt)> _failedAttempts = [];
    private readonly HashSet<int> _undone = [];
    private readonly HashSet<int> _touched = [];
    private readonly Dictionary<string, int> _stepIndex;

    public RunState(ChecklistDefinition definition, JournalRecord header)
    {
        Definition = definition;
        Header = header;
        Progress = new ChecklistProgress(definition);
        _stepIndex = definition.Steps.ToDictionary(s => s.Name, s => s.Index);
    }

    public ChecklistDefinition Definition { get; }
    public JournalRecord Header { get; }
    public ChecklistProgress Progress { get; }

    /// <summary>The machine state after the last transition.</summary>
    public string State { get; private set; } = ChecklistMachine.NotStarted;

    /// <summary>The command of the current state that was started and not recorded as finished, if any.</summary>
    public int? InterruptedCommand { get; private set; }

    /// <summary>
    /// A decision recorded in the current state (a failure's action, a rejection) whose transition was
    /// not recorded: the run stopped in between, and resuming carries the decision out.
    /// </summary>
    public ChecklistTrigger? PendingTrigger { get; private set; }

    private readonly Dictionary<int, List<string>> _approvers = [];

    /// <summary>Who approved a gate so far (distinct names, in order); the gate opens once <see cref="StepDefinition.ApprovalsRequired"/> did.</summary>
    public IReadOnlyList<string> ApproversOf(int step) => _approvers.TryGetValue(step, out var names) ? names : [];

    /// <summary>Whether a command of the current state finished successfully (or was accepted as done).</summary>
    public bool CommandSucceeded(int command) => _finished.TryGetValue(command, out var ok) && ok;

    /// <summary>
    /// How many times a command of the current state has failed (exit code, timeout) since the state was
    /// entered or the operator last chose what to do after a failure, and when the last of them ended.
    /// An attempt cut short by Ctrl-C or a crash is not a failure and does not count. A command with
    /// retries continues from here after a resume.
    /// </summary>
    public (int Count, DateTimeOffset LastAt) FailedAttempts(int command) =>
        _failedAttempts.TryGetValue(command, out var failed) ? failed : (0, default);

    /// <summary>Whether the current rollback state's procedure was passed over by its <c>[When]</c>: leaving it undoes nothing.</summary>
    public bool PassedOverByCondition { get; private set; }

    /// <summary>Whether the current step's wait has had a successful poll.</summary>
    public bool WaitSucceeded { get; private set; }

    /// <summary>Whether a step's rollback procedure ran to its end.</summary>
    public bool IsUndone(int step) => _undone.Contains(step);

    /// <summary>Whether a step's work was begun: a command started or a check ticked (it may have partly happened).</summary>
    public bool IsTouched(int step) => _touched.Contains(step);

    /// <summary>Whether any command of the current state has been started.</summary>
    public bool AnyCommandStarted => _finished.Count > 0 || InterruptedCommand is not null;

    /// <summary>Rebuilds a run from its journal; throws <see cref="JournalCorruptException"/> on records that do not fit the plan.</summary>
    public static RunState Replay(ChecklistDefinition definition, IReadOnlyList<JournalRecord> records, string path)
    {
        var state = new RunState(definition, records[0]);
        for (var i = 1; i < records.Count; i++)
        {
            var problem = state.Apply(records[i]);
            if (problem is not null)
                throw new JournalCorruptException(path, i + 1, problem);
        }
        return state;
    }

    /// <summary>Applies one record; returns a problem when it does not fit the run so far.</summary>
    public string? Apply(JournalRecord record)
    {
        PendingTrigger = record.Type switch
        {
            RecordTypes.Failure => Enum.TryParse<FailureAction>(record.Action, out var action) ? action.Trigger() : null,
            RecordTypes.Rejection => ChecklistTrigger.Reject,
            // The decision to skip a step (or pass over a rollback procedure) by its condition: a resume carries it out.
            RecordTypes.ConditionSkipped => _stepIndex.ContainsKey(record.State ?? "") ? ChecklistTrigger.Skip : ChecklistTrigger.Complete,
            // A pause or a resume does not undo a decision; anything else that happens in the state does.
            RecordTypes.Paused or RecordTypes.Resumed or RecordTypes.TornTailSetAside => PendingTrigger,
            _ => null,
        };
        switch (record.Type)
        {
            case RecordTypes.Transition:
                if (record.Source != State)
                    return $"a transition from '{record.Source}' while the run was in '{State}'";
                if (record.Trigger == nameof(ChecklistTrigger.Complete) && !PassedOverByCondition && Definition.Steps.FirstOrDefault(s => s.RollbackState == record.Source) is { } undone)
                    _undone.Add(undone.Index);
                PassedOverByCondition = false;
                if (_stepIndex.TryGetValue(record.Source!, out var left))
                {
                    // The machine marks these itself when firing; replay must do the same.
                    if (record.Trigger is nameof(ChecklistTrigger.Complete) or nameof(ChecklistTrigger.Approve))
                        Progress.MarkCompleted(left);
                    else if (record.Trigger == nameof(ChecklistTrigger.Skip))
                        Progress.MarkSkipped(left);
                }
                State = record.Destination!;
                _finished.Clear();
                _failedAttempts.Clear();
                WaitSucceeded = false;
                InterruptedCommand = null;
                return null;
            case RecordTypes.Failure:
                // The operator chose what to do about the failure: a retry gets every attempt again.
                _failedAttempts.Clear();
                return null;
            case RecordTypes.ConditionSkipped:
                if (record.State != State || !ValidStep(record.Step)
                    || (Definition.Steps[record.Step!.Value].Name != State && Definition.Steps[record.Step.Value].RollbackState != State))
                    return $"a condition-skipped record for step {record.Step} while the run was in '{State}'";
                PassedOverByCondition = Definition.Steps[record.Step.Value].RollbackState == State;
                return null;
            case RecordTypes.WaitStarted:
            case RecordTypes.Poll:
            case RecordTypes.WaitTimedOut:
                if (record.State != State)
                    return $"a wait record of '{record.State}' while the run was in '{State}'";
                WaitSucceeded |= record.Type == RecordTypes.Poll && record.Succeeded;
                return null;
            case RecordTypes.CheckTicked:
                if (!ValidStep(record.Step) || (uint)record.Check!.Value >= (uint)Definition.Steps[record.Step!.Value].Checks.Count)
                    return $"check {record.Check} of step {record.Step} is not in the plan";
                Progress.Tick(record.Step!.Value, record.Check.Value);
                _touched.Add(record.Step.Value);
                return null;
            case RecordTypes.Approval:
                if (!ValidStep(record.Step) || !Definition.Steps[record.Step!.Value].IsApproval)
                    return $"step {record.Step} is not an approval step";
                // A quorum counts distinct identities: the same approver twice is one approval.
                var approvers = _approvers.TryGetValue(record.Step.Value, out var list) ? list : (_approvers[record.Step.Value] = []);
                if (!approvers.Contains(record.Approver!.Trim(), StringComparer.Ordinal))
                    approvers.Add(record.Approver!.Trim());
                if (approvers.Count >= Definition.Steps[record.Step.Value].ApprovalsRequired)
                    Progress.RecordApproval(record.Step.Value, string.Join(", ", approvers));
                return null;
            case RecordTypes.CommandStarted:
                if (record.State != State)
                    return $"a command of '{record.State}' while the run was in '{State}'";
                InterruptedCommand = record.Command;
                _finished.Remove(record.Command!.Value);
                if (_stepIndex.TryGetValue(State, out var touched))
                    _touched.Add(touched);
                return null;
            case RecordTypes.CommandFinished:
            case RecordTypes.CommandAccepted:
                if (record.State != State)
                    return $"a command of '{record.State}' while the run was in '{State}'";
                _finished[record.Command!.Value] = record.Type == RecordTypes.CommandAccepted || record.Succeeded;
                if (record.Type == RecordTypes.CommandFinished && !record.Succeeded && record.Interrupted != true)
                    _failedAttempts[record.Command.Value] = (FailedAttempts(record.Command.Value).Count + 1, record.At);
                if (InterruptedCommand == record.Command)
                    InterruptedCommand = null;
                return null;
            default:
                return null;
        }
    }

    private bool ValidStep(int? step) => step is { } s && (uint)s < (uint)Definition.Steps.Count;
}
