namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// What the operator decided after a step's command failed (or a check was not ticked, or a command not
/// confirmed): the <c>action</c> of a failure record, by name, so the journal owns it and a replay knows
/// which trigger the decision fires.
/// </summary>
internal enum FailureAction
{
    /// <summary>Try the same thing again.</summary>
    Retry,
    /// <summary>Skip the step (optional steps only).</summary>
    Skip,
    /// <summary>Walk the rollback procedures of the completed changes, newest first.</summary>
    RollBack,
    /// <summary>Stop here without rolling back.</summary>
    Abort,
}

/// <summary>The machine trigger each failure action fires.</summary>
internal static class FailureActions
{
    /// <summary>The trigger that carries out <paramref name="action"/>, or <see langword="null"/> for <see cref="FailureAction.Retry"/>.</summary>
    public static ChecklistTrigger? Trigger(this FailureAction action) => action switch
    {
        FailureAction.Skip => ChecklistTrigger.Skip,
        FailureAction.RollBack => ChecklistTrigger.Fail,
        FailureAction.Abort => ChecklistTrigger.Abort,
        _ => null,
    };
}
