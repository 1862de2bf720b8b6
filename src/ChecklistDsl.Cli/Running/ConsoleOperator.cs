using Spectre.Console;

namespace ChecklistDsl.Cli.Running;

/// <summary>How the operator answers: from the command line (<c>--yes</c>, <c>--approve</c>, ...) and, in a terminal, by prompts.</summary>
internal sealed record OperatorSettings
{
    /// <summary>Whether a person can be asked (standard input is a terminal).</summary>
    public bool Interactive { get; init; }
    /// <summary><c>--yes</c>: confirm every command, check and rollback without asking; never an approval.</summary>
    public bool AutoConfirm { get; init; }
    /// <summary><c>--approve Role=Name</c>: scripted approvals by role.</summary>
    public IReadOnlyDictionary<string, string> ApprovalsByRole { get; init; } = new Dictionary<string, string>();
    /// <summary><c>--approver Name</c>: a scripted approval for every gate.</summary>
    public string? ApproverForAll { get; init; }
    /// <summary><c>--skip Step</c>: optional steps to skip (by method name or title).</summary>
    public IReadOnlySet<string> SkipSteps { get; init; } = new HashSet<string>();
    /// <summary><c>--on-failure</c>: what a script does after a failure.</summary>
    public FailureAction OnFailure { get; init; } = FailureAction.RollBack;
}

/// <summary>The operator at a terminal (Spectre.Console prompts) or a script (the settings answer).</summary>
internal sealed class ConsoleOperator(IAnsiConsole console, OperatorSettings settings) : IOperator
{
    private bool Asks => settings.Interactive && !settings.AutoConfirm;

    public string Via => Asks ? "prompt" : "--yes";

    public async Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        if (!Asks)
            return true;
        return await new ConfirmationPrompt(question).ShowAsync(console, cancellationToken);
    }

    public async Task<bool> DoOptionalStepAsync(StepDefinition step, CancellationToken cancellationToken)
    {
        if (settings.SkipSteps.Contains(step.Name) || settings.SkipSteps.Contains(step.Title))
            return false;
        if (!Asks)
            return true;
        var choice = await new SelectionPrompt<string>()
            .Title("This step is optional.")
            .AddChoices("Do it", "Skip it")
            .ShowAsync(console, cancellationToken);
        return choice == "Do it";
    }

    public async Task<FailureAction> OnFailureAsync(string problem, IReadOnlyList<FailureAction> choices, CancellationToken cancellationToken)
    {
        if (!Asks)
        {
            // A script never retries (it would loop); it rolls back or aborts as --on-failure says.
            var policy = settings.OnFailure;
            return choices.Contains(policy) ? policy : FailureAction.Abort;
        }
        return await new SelectionPrompt<FailureAction>()
            .Title("What now?")
            .UseConverter(Describe)
            .AddChoices(choices)
            .ShowAsync(console, cancellationToken);
    }

    public async Task<ApprovalDecision> ApproveAsync(StepDefinition step, CancellationToken cancellationToken)
    {
        var role = step.ApprovalRole!;
        var scripted = settings.ApprovalsByRole.FirstOrDefault(p => string.Equals(p.Key, role, StringComparison.OrdinalIgnoreCase)).Value;
        if (!string.IsNullOrWhiteSpace(scripted))
            return new ApprovalDecision.Approved(scripted, "--approve");
        if (!string.IsNullOrWhiteSpace(settings.ApproverForAll))
            return new ApprovalDecision.Approved(settings.ApproverForAll, "--approver");
        if (!settings.Interactive)
            return new ApprovalDecision.Pending(
                $"Step '{step.Title}' needs an approval by the {role}, and --yes never approves. " +
                $"Resume with `--approve \"{role}=NAME\"` (or `--approver NAME`), or in a terminal.");
        var name = await new TextPrompt<string>($"Approver's name ([yellow]{Markup.Escape(role)}[/]):")
            .Validate(n => string.IsNullOrWhiteSpace(n) ? ValidationResult.Error("A name is needed.") : ValidationResult.Success())
            .ShowAsync(console, cancellationToken);
        var decision = await new SelectionPrompt<string>()
            .Title($"Does {Markup.Escape(name.Trim())} approve?")
            .AddChoices("Approve", "Reject")
            .ShowAsync(console, cancellationToken);
        if (decision == "Approve")
            return new ApprovalDecision.Approved(name.Trim(), "prompt");
        var reason = await new TextPrompt<string>("Reason for rejecting:").AllowEmpty().ShowAsync(console, cancellationToken);
        return new ApprovalDecision.Rejected(name.Trim(), reason, "prompt");
    }

    public async Task<InterruptedCommandAction> OnInterruptedCommandAsync(string line, CancellationToken cancellationToken)
    {
        if (!Asks)
            return InterruptedCommandAction.RunAgain;
        return await new SelectionPrompt<InterruptedCommandAction>()
            .Title("It may have run fully, partly or not at all. What now?")
            .UseConverter(a => a switch
            {
                InterruptedCommandAction.RunAgain => "Run it again",
                InterruptedCommandAction.MarkDone => "I checked: it is done, record it as done",
                _ => "Treat it as failed",
            })
            .AddChoices(Enum.GetValues<InterruptedCommandAction>())
            .ShowAsync(console, cancellationToken);
    }

    private static string Describe(FailureAction action) => action switch
    {
        FailureAction.Retry => "Retry",
        FailureAction.Skip => "Skip this step (it is optional)",
        FailureAction.RollBack => "Roll back (undo the completed changes, newest first)",
        _ => "Abort (stop here, roll nothing back)",
    };
}
