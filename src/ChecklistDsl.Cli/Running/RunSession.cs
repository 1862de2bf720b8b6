using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Locking;
using Spectre.Console;

namespace ChecklistDsl.Cli.Running;

/// <summary>
/// One process's part of a run, shared by <c>run</c> and <c>resume</c>: holds the lock, drives the
/// runner, releases the lock and turns the outcome into an exit code and a closing message.
/// </summary>
internal static class RunSession
{
    public static async Task<int> ExecuteAsync(
        StateDirectory stateDirectory,
        RunState state,
        Func<JournalWriter> openJournal,
        RunInputs inputs,
        OperatorSettings settings,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        var header = state.Header;
        using var runLock = RunLock.Acquire(stateDirectory, header.Checklist!, header.Target!, LockOwner.Current(header.RunId!));
        using var journal = openJournal();
        var runner = new ChecklistRunner(state, journal, inputs, new ConsoleOperator(console, settings), console);
        var outcome = await runner.RunAsync(cancellationToken);
        console.WriteLine();
        var id = header.RunId!;
        switch (outcome)
        {
            case RunOutcome.Completed:
                console.MarkupLine($"[green]Run {id} completed.[/] Journal: {Markup.Escape(journal.Path)}");
                return ExitCodes.Completed;
            case RunOutcome.RolledBack:
                console.MarkupLine($"[yellow]Run {id} failed and was rolled back.[/] Journal: {Markup.Escape(journal.Path)}");
                return ExitCodes.RolledBack;
            case RunOutcome.Aborted:
                console.MarkupLine($"[red]Run {id} was aborted in '{Markup.Escape(state.State)}'.[/] Journal: {Markup.Escape(journal.Path)}");
                return ExitCodes.Aborted;
            default:
                console.MarkupLine($"[yellow]Run {id} is paused at '{Markup.Escape(runner.State)}'.[/] Continue it with `checklist resume {id}`. Journal: {Markup.Escape(journal.Path)}");
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
