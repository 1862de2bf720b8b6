using ChecklistDsl.Cli.Journal;

namespace ChecklistDsl.Cli.Running;

// Conditional steps ([When(nameof(UsesCdn))], [When(nameof(CacheBackend), "redis")]).
internal sealed partial class ChecklistRunner
{
    /// <summary>
    /// A step whose condition does not hold for the run's inputs: recorded as skipped by its condition,
    /// with the input's value, and skipped without a prompt. The record is the decision: a run that stops
    /// before the transition carries it out on resume (<see cref="RunState.PendingTrigger"/>). The inputs
    /// are fixed for a run, so a resumed run decides the same.
    /// </summary>
    private Next SkipByCondition(StepDefinition step, StepCondition condition)
    {
        // Values holds non-secret inputs only: a secret's value is never recorded.
        var value = _inputs.Values.TryGetValue(condition.Input, out var given) ? given : null;
        _view.ShowSkippedByCondition(step, condition, value);
        Record(new JournalRecord
        {
            Type = RecordTypes.ConditionSkipped, State = step.Name, Step = step.Index, Text = condition.Describe(), Input = condition.Input, Value = value,
        });
        Fire(ChecklistTrigger.Skip);
        return Next.Moved;
    }

    /// <summary>
    /// A rollback procedure whose condition does not hold for the run's inputs: recorded the same way
    /// (in the rollback state, with the undone step's index) and passed over (<c>Complete</c>) to the
    /// next procedure on the rollback path.
    /// </summary>
    private Next SkipRollbackByCondition(StepDefinition undone, RollbackDefinition rollback, StepCondition condition)
    {
        var value = _inputs.Values.TryGetValue(condition.Input, out var given) ? given : null;
        _view.ShowRollbackSkippedByCondition(undone, rollback, condition, value);
        Record(new JournalRecord
        {
            Type = RecordTypes.ConditionSkipped, State = _machine.State, Step = undone.Index, Text = condition.Describe(), Input = condition.Input, Value = value,
        });
        Fire(ChecklistTrigger.Complete);
        return Next.Moved;
    }
}
