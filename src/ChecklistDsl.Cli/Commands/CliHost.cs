using System.CommandLine;
using ChecklistDsl.Cli.Journal;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>Parses and invokes, and turns every error into a message and an exit code (see <see cref="ExitCodes"/>).</summary>
internal static class CliHost
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
                Terminal.Error.MarkupLine($"[red]{Markup.Escape(error.Message)}[/]");
            Terminal.Error.MarkupLine("Run `checklist --help` (or `checklist VERB --help`) for the usage.");
            return ExitCodes.UsageError;
        }
        try
        {
            // Ctrl-C / SIGTERM cancel the action's token (set explicitly: a new configuration has no
            // termination handling); the run then stops its command, records the pause and exits 5.
            return await result.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
            });
        }
        catch (CliException e)
        {
            Terminal.Error.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return e.ExitCode;
        }
        catch (JournalCorruptException e)
        {
            Terminal.Error.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Terminal.Error.MarkupLine($"[red]Internal error (a bug in checklist; the journal is left as written):[/] {Markup.Escape(e.ToString())}");
            return ExitCodes.InternalError;
        }
    }
}
