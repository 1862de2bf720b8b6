namespace ChecklistDsl;

/// <summary>
/// The triggers of every generated checklist machine. Each checklist's nested <c>Trigger</c> enum has
/// these members with these values, so tools can drive any checklist without knowing its types.
/// </summary>
public enum ChecklistTrigger
{
    /// <summary>From <c>NotStarted</c> to the first step.</summary>
    Start,
    /// <summary>The current step is done (its checks ticked); or, in a rollback state, the procedure is done.</summary>
    Complete,
    /// <summary>Skips an optional step.</summary>
    Skip,
    /// <summary>The approval of an approval step was recorded; go on.</summary>
    Approve,
    /// <summary>The approver rejected; roll back earlier changes, or abort if there are none.</summary>
    Reject,
    /// <summary>The current step failed: enter the rollback path, or abort if nothing changed yet.</summary>
    Fail,
    /// <summary>Stop here without rolling back.</summary>
    Abort,
}
