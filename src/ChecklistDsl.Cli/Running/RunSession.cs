using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores;
using Spectre.Console;

namespace ChecklistDsl.Cli.Running;

/// <summary>
/// One process's part of a run, shared by <c>run</c> and <c>resume</c>: opens the run's journal in its
/// store (which holds the lock), drives the runner, releases the lock and turns the outcome into an exit
/// code and a closing message.
/// </summary>
internal static class RunSession
{
    /// <summary>
    /// Drives the run through the journal <paramref name="open"/> returns (which holds the run's lock; the
    /// store refuses there, before any step is acted on, if it cannot be written or the target is taken).
    /// </summary>
    public static async Task<int> ExecuteAsync(
        RunState state,
        Func<IRunJournal> open,
        RunInputs inputs,
        OperatorSettings settings,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        var id = state.Header.RunId!;
        using var journal = open();
        var runner = new ChecklistRunner(state, journal, inputs, new ConsoleOperator(console, settings), console, settings.ApprovalWait);
        RunOutcome outcome;
        try
        {
            outcome = await runner.RunAsync(cancellationToken);
        }
        catch (RecordNotWrittenException e)
        {
            // Every action is recorded before it is taken: the one whose record failed was not taken.
            throw new CliException(
                $"{e.Message}. The run stopped at '{runner.State}' before its next action; once {e.WhenFixed}, `checklist resume {id}` continues it.",
                ExitCodes.Paused);
        }
        console.WriteLine();
        switch (outcome)
        {
            case RunOutcome.Completed:
                console.MarkupLine($"[green]Run {id} completed.[/] Journal: {Markup.Escape(journal.Location)}");
                return ExitCodes.Completed;
            case RunOutcome.RolledBack:
                console.MarkupLine($"[yellow]Run {id} failed and was rolled back.[/] Journal: {Markup.Escape(journal.Location)}");
                var kept = RollbackPlan.ChangesInPlace(state, ChecklistMachine.RolledBack);
                if (kept.Count > 0)
                {
                    console.MarkupLine($"[yellow]{kept.Count} change(s) have no rollback procedure and are still in place:[/]");
                    foreach (var change in kept)
                        console.MarkupLine($"  [yellow]•[/] {Markup.Escape(change)}");
                }
                return ExitCodes.RolledBack;
            case RunOutcome.Aborted:
                var (stoppedAt, inPlace) = runner.AbortedAt ?? ("'" + state.State + "'", []);
                console.MarkupLine($"[red]Run {id} was aborted at {Markup.Escape(stoppedAt)}.[/] Journal: {Markup.Escape(journal.Location)}");
                if (inPlace.Count == 0)
                {
                    console.MarkupLine("No change was made, or every change made was rolled back.");
                }
                else
                {
                    console.MarkupLine($"[red]{inPlace.Count} change(s) are still in place (not rolled back), newest first:[/]");
                    foreach (var change in inPlace)
                        console.MarkupLine($"  [red]•[/] {Markup.Escape(change)}");
                }
                return ExitCodes.Aborted;
            default:
                console.MarkupLine($"[yellow]Run {id} is paused at '{Markup.Escape(runner.State)}'.[/] It keeps its claim on the target; continue it with `checklist resume {id}` (or give it up with `checklist abandon {id} --comment TEXT`). Journal: {Markup.Escape(journal.Location)}");
                return ExitCodes.Paused;
        }
    }

    /// <summary>The exit code of a run that has already ended.</summary>
    public static int ExitCodeOf(string state) => state switch
    {
        ChecklistMachine.Completed => ExitCodes.Completed,
        ChecklistMachine.RolledBack => ExitCodes.RolledBack,
        _ => ExitCodes.Aborted,
    };

    /// <summary>Asks for a missing input (with echo) or secret (without), in a terminal only.</summary>
    public static RunInputs.Ask? Prompter(IAnsiConsole console, bool interactive) =>
        !interactive
            ? null
            : input =>
            {
                var prompt = new TextPrompt<string>($"{Markup.Escape(input.Description)} [grey]({Markup.Escape(input.Name)})[/]:");
                if (input.IsSecret)
                    prompt.Secret(null); // no echo at all, not even a mask
                return console.Prompt(prompt);
            };
}
