using ChecklistDsl.Cli.Journal;
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
    /// <summary>The store vouches for identities (PostgreSQL): approvals come only from <c>checklist approve</c>, never from this terminal.</summary>
    public bool ApprovalsFromStore { get; init; }
    /// <summary>
    /// At a gate, wait this long for approvals from other terminals (<c>checklist approve</c>) instead of asking here;
    /// <see langword="null"/>: ask (file store), <see cref="Timeout.InfiniteTimeSpan"/>: until Ctrl-C.
    /// </summary>
    public TimeSpan? ApprovalWait { get; init; }
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
        // No default answer: an Enter pressed by habit never runs a command or ticks a box.
        return await new ConfirmationPrompt(question) { DefaultValue = false, ShowDefaultValue = false }.ShowAsync(console, cancellationToken);
    }

    public async Task<bool> DoOptionalStepAsync(StepDefinition step, CancellationToken cancellationToken)
    {
        if (settings.SkipSteps.Contains(step.Name) || settings.SkipSteps.Contains(step.Title))
            return false;
        if (!Asks)
            return true;
        return await ChooseAsync("This step is optional.", [(true, "do", "Do it"), (false, "skip", "Skip it")], cancellationToken);
    }

    public async Task<FailureAction> OnFailureAsync(string problem, IReadOnlyList<FailureAction> choices, IReadOnlyList<string> rollsBack, CancellationToken cancellationToken)
    {
        if (!Asks)
        {
            // A script never retries (it would loop); it rolls back or aborts as --on-failure says.
            var policy = choices.Contains(settings.OnFailure) ? settings.OnFailure : FailureAction.Abort;
            if (settings.OnFailure == FailureAction.RollBack && policy == FailureAction.Abort)
                console.MarkupLine("[yellow]--on-failure rollback: nothing can be rolled back here (no completed change has a rollback procedure); aborting.[/]");
            console.MarkupLine($"[grey]--on-failure:[/] {Markup.Escape(Describe(policy, rollsBack))}");
            return policy;
        }
        return await ChooseAsync("What now?", choices.Select(c => (c, c.ToString().ToLowerInvariant(), Describe(c, rollsBack))).ToArray(), cancellationToken);
    }

    public async Task<ApprovalDecision> ApproveAsync(StepDefinition step, CancellationToken cancellationToken)
    {
        var role = step.ApprovalRole!;
        if (settings.ApprovalsFromStore)
            return new ApprovalDecision.Pending(
                $"Step '{step.Title}' needs an approval by the {role}. The approver gives it under their own database login with " +
                $"`checklist approve RUN --role \"{role}\"`; then `checklist resume RUN` continues.");
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
        var approves = await ChooseAsync($"Does {Markup.Escape(name.Trim())} approve?", [(true, "approve", "Approve"), (false, "reject", "Reject")], cancellationToken);
        if (approves)
            return new ApprovalDecision.Approved(name.Trim(), "prompt");
        var reason = await new TextPrompt<string>("Reason for rejecting:").AllowEmpty().ShowAsync(console, cancellationToken);
        return new ApprovalDecision.Rejected(name.Trim(), reason, "prompt");
    }

    public async Task<InterruptedCommandAction> OnInterruptedCommandAsync(string line, CancellationToken cancellationToken)
    {
        if (!Asks)
            return InterruptedCommandAction.RunAgain;
        return await ChooseAsync(
            "It may have run fully, partly or not at all. What now?",
            [
                (InterruptedCommandAction.RunAgain, "again", "Run it again"),
                (InterruptedCommandAction.MarkDone, "done", "I checked: it is done, record it as done"),
                (InterruptedCommandAction.Fail, "fail", "Treat it as failed"),
            ],
            cancellationToken);
    }

    /// <summary>
    /// One of several answers: a selection list in a terminal that draws one, else (a dumb terminal)
    /// a typed key, such as "rollback".
    /// </summary>
    private async Task<T> ChooseAsync<T>(string title, IReadOnlyList<(T Value, string Key, string Label)> choices, CancellationToken cancellationToken)
    {
        (T Value, string Key, string Label) chosen;
        if (console.Profile.Capabilities.Ansi)
        {
            var label = await new SelectionPrompt<string>().Title(title).AddChoices(choices.Select(c => Markup.Escape(c.Label))).ShowAsync(console, cancellationToken);
            chosen = choices.First(c => Markup.Escape(c.Label) == label);
        }
        else
        {
            foreach (var choice in choices)
                console.MarkupLine($"  {Markup.Escape(choice.Key)}: {Markup.Escape(choice.Label)}");
            var key = await new TextPrompt<string>(title)
                .AddChoices(choices.Select(c => c.Key))
                .ShowAsync(console, cancellationToken);
            chosen = choices.First(c => c.Key == key);
        }
        // The selection list disappears once answered: the answer stays on screen (and in a scrollback).
        console.MarkupLine($"[grey]Chosen:[/] {Markup.Escape(chosen.Label)}");
        return chosen.Value;
    }

    private static string Describe(FailureAction action, IReadOnlyList<string> rollsBack) => action switch
    {
        FailureAction.Retry => "Retry",
        FailureAction.Skip => "Skip this step (it is optional)",
        FailureAction.RollBack => $"Roll back: undo {string.Join(", then ", rollsBack.Select(t => $"'{t}'"))}",
        _ => "Abort (stop here, roll nothing back)",
    };
}
