using ChecklistDsl.Cli.Journal;

namespace ChecklistDsl.Cli.Running;

/// <summary>What to do with a command that was started before a crash and never recorded as finished.</summary>
internal enum InterruptedCommandAction
{
    /// <summary>Run it again.</summary>
    RunAgain,
    /// <summary>The operator checked that it had done its work: record it as done without running it.</summary>
    MarkDone,
    /// <summary>Treat it as failed (then retry, roll back or abort).</summary>
    Fail,
}

/// <summary>An approver's decision at an approval gate.</summary>
internal abstract record ApprovalDecision
{
    public sealed record Approved(string Approver, string Via) : ApprovalDecision;
    public sealed record Rejected(string Approver, string Reason, string Via) : ApprovalDecision;
    /// <summary>No decision can be had now (no terminal, no scripted approval): the run pauses.</summary>
    public sealed record Pending(string Why) : ApprovalDecision;
}

/// <summary>
/// The person (or script) at the controls: every question the runner asks goes through here, so the
/// runner's logic does not depend on a terminal.
/// </summary>
internal interface IOperator
{
    /// <summary>How confirmations are given, for the journal: "prompt" or "--yes".</summary>
    string Via { get; }

    /// <summary>A yes/no question (run this command? is this check done? is the rollback done?).</summary>
    Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken);

    /// <summary>Whether to do an optional step (<see langword="false"/>: skip it).</summary>
    Task<bool> DoOptionalStepAsync(StepDefinition step, CancellationToken cancellationToken);

    /// <summary>
    /// What to do after a failure; <paramref name="choices"/> are the actions possible here, and
    /// <paramref name="rollsBack"/> names, newest first, the steps that <see cref="FailureAction.RollBack"/>
    /// would undo (it is among the choices only when there is one).
    /// </summary>
    Task<FailureAction> OnFailureAsync(string problem, IReadOnlyList<FailureAction> choices, IReadOnlyList<string> rollsBack, CancellationToken cancellationToken);

    /// <summary>The decision at an approval gate. Never given by <c>--yes</c>.</summary>
    Task<ApprovalDecision> ApproveAsync(StepDefinition step, CancellationToken cancellationToken);

    /// <summary>What to do with a command that was started and never recorded as finished.</summary>
    Task<InterruptedCommandAction> OnInterruptedCommandAsync(string line, CancellationToken cancellationToken);
}
