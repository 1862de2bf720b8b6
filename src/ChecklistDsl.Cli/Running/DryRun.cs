using ChecklistDsl.Cli.Rendering;
using Spectre.Console;

namespace ChecklistDsl.Cli.Running;

/// <summary>
/// <c>run --dry-run</c>: walks the machine along the forward path with every check ticked and every
/// gate approved, showing each step and each command as it would run, then the rollback plan. A step
/// whose condition does not hold for the given inputs is skipped, as a run would skip it, and the
/// summary says which steps the inputs select. Runs nothing, asks nothing, writes no journal and
/// takes no lock.
/// </summary>
internal static class DryRun
{
    public static void Show(IAnsiConsole console, ChecklistDefinition checklist, RunInputs inputs)
    {
        var view = new StepView(console, checklist, inputs);
        console.MarkupLine($"[bold]Dry run of {Markup.Escape(checklist.Name)}[/]: {Markup.Escape(checklist.Title)} — nothing is run, nothing is recorded.");
        foreach (var missing in checklist.Inputs.Where(i => !(i.IsSecret ? inputs.Secrets : inputs.Values).ContainsKey(i.Name)))
            console.MarkupLine($"[yellow]No value for {(missing.IsSecret ? "secret" : "input")} {Markup.Escape(missing.Name)}: shown as {{{Markup.Escape(missing.Name)}}}.[/]");

        var progress = new ChecklistProgress(checklist);
        var machine = checklist.CreateMachine(progress, ChecklistMachine.NotStarted);
        machine.Fire(ChecklistTrigger.Start);
        var selected = new List<StepDefinition>();
        var skipped = new List<(StepDefinition Step, string Why)>();
        while (machine.CurrentStep is { } step)
        {
            if (step.Condition is { } condition && inputs.Values.TryGetValue(condition.Input, out var value) && !condition.AppliesTo(inputs.Values))
            {
                view.ShowSkippedByCondition(step, condition, value);
                skipped.Add((step, $"only when {condition.Describe()}, and {StepView.Said(condition.Input, value)}"));
                machine.Fire(ChecklistTrigger.Skip);
                continue;
            }
            view.ShowStep(step);
            if (step.Condition is { } unknown && !inputs.Values.ContainsKey(unknown.Input))
                console.MarkupLine($"  [yellow]Shown as if it applies: {Markup.Escape(unknown.Input)} has no value.[/]");
            selected.Add(step);
            if (step.RollbackState is not null)
                console.MarkupLine($"  [grey]undone by:[/] {Markup.Escape(checklist.FindRollback(step.RollbackName)?.Title ?? step.RollbackName ?? "?")}");
            progress.TickAll(step.Index);
            if (step.IsApproval)
            {
                progress.RecordApproval(step.Index, "(dry run)");
                machine.Fire(ChecklistTrigger.Approve);
            }
            else
            {
                machine.Fire(ChecklistTrigger.Complete);
            }
        }
        console.WriteLine();
        console.MarkupLine($"[bold]End state:[/] {Markup.Escape(machine.State)} after {selected.Count} step(s){(skipped.Count > 0 ? $", {skipped.Count} skipped by their conditions" : "")}.");
        if (checklist.Steps.Any(s => s.Condition is not null))
        {
            console.MarkupLine($"[bold]Selected by these inputs:[/] {Markup.Escape(string.Join(", ", selected.Select(s => $"{s.Index + 1}. {s.Title}")))}");
            console.MarkupLine($"[bold]Skipped by their conditions:[/] {(skipped.Count == 0 ? "none" : Markup.Escape(string.Join("; ", skipped.Select(s => $"{s.Step.Index + 1}. {s.Step.Title} ({s.Why})"))))}");
        }

        var undoable = checklist.Steps.Where(s => s.RollbackState is not null).Reverse().ToArray();
        console.WriteLine();
        console.Heading("[bold]Rollback plan[/] (on a failure, the completed changes are undone newest first)");
        if (undoable.Length == 0)
            console.MarkupLine("No step has a rollback procedure: a failure aborts the run.");
        foreach (var step in undoable)
        {
            var rollback = checklist.FindRollback(step.RollbackName);
            var notRun = skipped.Any(s => s.Step == step) ? " [grey](skipped by its condition with these inputs: nothing to undo)[/]" : "";
            console.MarkupLine($"[bold]{Markup.Escape(rollback?.Title ?? step.RollbackName ?? "?")}[/] undoes step {step.Index + 1} · {Markup.Escape(step.Title)}{notRun}");
            foreach (var command in rollback?.Commands ?? [])
                console.MarkupLine($"  [grey]would run:[/] {Markup.Escape(view.Shown(command))}");
        }
    }
}
