using ChecklistDsl.Cli.Rendering;
using Spectre.Console;

namespace ChecklistDsl.Cli.Running;

/// <summary>How the runner (and a dry run) shows a step or a rollback procedure in the terminal.</summary>
internal sealed class StepView(IAnsiConsole console, ChecklistDefinition checklist, RunInputs inputs)
{
    /// <summary>
    /// "Step 4 of 23 · Backup", the title, purpose, instructions, gate, checks and commands; a check
    /// <paramref name="isTicked"/> says was ticked earlier (a resumed run) is shown ticked, once.
    /// </summary>
    /// <param name="step">The step.</param>
    /// <param name="isTicked">Which checks were ticked earlier (a resumed run).</param>
    /// <param name="next">What can happen next, from the live machine (<see cref="NextTriggers"/>).</param>
    public void ShowStep(StepDefinition step, Func<int, bool>? isTicked = null, string? next = null)
    {
        var where = step.Section is null ? "" : $" · {step.Section}";
        console.WriteLine();
        console.Heading($"[bold]Step {step.Index + 1} of {checklist.Steps.Count}{Markup.Escape(where)}[/]");
        console.MarkupLine($"[bold]{Markup.Escape(step.Title)}[/]{(step.Optional ? " [grey](optional)[/]" : "")}");
        if (step.Purpose is not null)
            console.MarkupLine($"[italic]Purpose: {Markup.Escape(step.Purpose)}[/]");
        if (step.Instructions is not null)
            Line(step.Instructions);
        if (step.Timeout is { } timeout)
            console.MarkupLine($"[grey]Timeout: {timeout}[/]");
        if (step.Backup is { } backup)
            console.MarkupLine($"[grey]Backs up: {Markup.Escape(string.Join(", ", backup.Resources))}{(backup.Verified ? ", restore verified" : "")}{(backup.OffSite ? ", off-site" : "")}[/]");
        Resources("Modifies", step.Modifies);
        Resources("Destroys", step.Destroys);
        Resources("Verifies", step.Verifies);
        if (step.IsApproval)
            console.MarkupLine($"[yellow]Approval required: {Markup.Escape(step.ApprovalRole!)}[/]");
        Commands(step.Commands, step.Automation is not null);
        for (var k = 0; k < step.Checks.Count; k++)
        {
            console.MarkupLine(isTicked?.Invoke(k) == true
                ? $"  [green]☑[/] {Markup.Escape(step.Checks[k])} [grey](ticked earlier)[/]"
                : $"  [grey]☐[/] {Markup.Escape(step.Checks[k])}");
        }
        if (next is { Length: > 0 })
            console.MarkupLine($"[grey]Next: {Markup.Escape(next)}[/]");
    }

    /// <summary>The rollback procedure undoing a step.</summary>
    public void ShowRollback(StepDefinition undone, RollbackDefinition? rollback)
    {
        console.WriteLine();
        console.Heading($"[bold red]Rollback of step {undone.Index + 1} · {Markup.Escape(undone.Title)}[/]");
        if (rollback is null)
        {
            console.MarkupLine("[red]No rollback procedure is defined for this step: undo it by hand.[/]");
            return;
        }
        console.MarkupLine($"[bold]{Markup.Escape(rollback.Title)}[/]");
        if (rollback.Instructions is not null)
            Line(rollback.Instructions);
        Commands(rollback.Commands, rollback.Automation is not null);
    }

    /// <summary>A command line as it will run (secrets as environment references), masked.</summary>
    public string Shown(string template) => inputs.Redactor.Redact(inputs.Builder.Build(template));

    private void Commands(IReadOnlyList<string> commands, bool automated)
    {
        foreach (var command in commands)
            console.MarkupLine($"  [blue]$[/] {Markup.Escape(Shown(command))}");
        if (automated)
            console.MarkupLine("  [blue]C#[/] automated step");
    }

    private void Resources(string what, IReadOnlyList<string> resources)
    {
        if (resources.Count > 0)
            console.MarkupLine($"[grey]{what}: {Markup.Escape(string.Join(", ", resources))}[/]");
    }

    // Free text goes out raw: wrapping by the console would split words the operator may search for.
    private void Line(string text) => console.Profile.Out.Writer.WriteLine(text);
}
