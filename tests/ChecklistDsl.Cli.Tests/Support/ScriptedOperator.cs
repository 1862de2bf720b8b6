using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Running;

namespace ChecklistDsl.Cli.Tests.Support;

/// <summary>An operator whose answers the test gives, and who remembers what it was asked.</summary>
internal sealed class ScriptedOperator : IOperator
{
    public Queue<FailureAction> Failures { get; } = new();
    public List<IReadOnlyList<FailureAction>> FailureChoices { get; } = [];
    public Func<StepDefinition, ApprovalDecision> Approval { get; set; } = _ => new ApprovalDecision.Approved("Tester", "test");
    public Func<StepDefinition, bool> DoOptional { get; set; } = _ => true;
    public InterruptedCommandAction Interrupted { get; set; } = InterruptedCommandAction.RunAgain;
    public Action<string>? OnProblem { get; set; }
    public List<string> InterruptedLines { get; } = [];

    public string Via => "test";

    public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> DoOptionalStepAsync(StepDefinition step, CancellationToken cancellationToken) => Task.FromResult(DoOptional(step));

    public List<IReadOnlyList<string>> RollsBack { get; } = [];

    public Task<FailureAction> OnFailureAsync(string problem, IReadOnlyList<FailureAction> choices, IReadOnlyList<string> rollsBack, CancellationToken cancellationToken)
    {
        FailureChoices.Add(choices);
        RollsBack.Add(rollsBack);
        OnProblem?.Invoke(problem);
        return Task.FromResult(Failures.Count > 0 ? Failures.Dequeue() : FailureAction.Abort);
    }

    public Task<ApprovalDecision> ApproveAsync(StepDefinition step, CancellationToken cancellationToken) => Task.FromResult(Approval(step));

    public Task<InterruptedCommandAction> OnInterruptedCommandAsync(string line, CancellationToken cancellationToken)
    {
        InterruptedLines.Add(line);
        return Task.FromResult(Interrupted);
    }
}
