using ChecklistDsl.Cli.Rendering;
using Spectre.Console;

namespace ChecklistDsl.Cli.Running;

/// <summary>
/// <c>run --dry-run</c>: walks the machine along the forward path with every check ticked and every
/// gate approved, showing each step and each command as it would run, then the rollback plan. Runs
/// nothing, asks nothing, writes no journal and takes no lock.
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
        while (machine.CurrentStep is { } step)
        {
            view.ShowStep(step);
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
        console.MarkupLine($"[bold]End state:[/] {Markup.Escape(machine.State)} after {checklist.Steps.Count} step(s).");

        var undoable = checklist.Steps.Where(s => s.RollbackState is not null).Reverse().ToArray();
        console.WriteLine();
        console.Heading("[bold]Rollback plan[/] (on a failure, the completed changes are undone newest first)");
        if (undoable.Length == 0)
            console.MarkupLine("No step has a rollback procedure: a failure aborts the run.");
        foreach (var step in undoable)
        {
            var rollback = checklist.FindRollback(step.RollbackName);
            console.MarkupLine($"[bold]{Markup.Escape(rollback?.Title ?? step.RollbackName ?? "?")}[/] undoes step {step.Index + 1} · {Markup.Escape(step.Title)}");
            foreach (var command in rollback?.Commands ?? [])
                console.MarkupLine($"  [grey]would run:[/] {Markup.Escape(view.Shown(command))}");
        }
    }
}
