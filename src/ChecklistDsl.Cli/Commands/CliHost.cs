using System.CommandLine;
using System.Runtime.InteropServices;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>Parses and invokes, and turns every error into a message and an exit code (see <see cref="ExitCodes"/>).</summary>
internal static class CliHost
{
    private static PosixSignalRegistration? OnSignal(PosixSignal signal, CancellationTokenSource interrupt)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, context =>
            {
                if (interrupt.IsCancellationRequested)
                    return;
                context.Cancel = true;
                interrupt.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

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
            // Ctrl-C and SIGTERM cancel the action's token: the run stops its command, records the
            // pause and exits 5. The handlers are ours, registered before anything runs (System.CommandLine
            // registers its own only once the action has reached its first await); a second signal
            // terminates the process at once.
            using var interrupt = new CancellationTokenSource();
            using var sigint = OnSignal(PosixSignal.SIGINT, interrupt);
            using var sigterm = OnSignal(PosixSignal.SIGTERM, interrupt);
            return await result.InvokeAsync(
                new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                interrupt.Token);
        }
        catch (CliException e)
        {
            Terminal.Error.MarkupLine($"[red]{Markup.Escape(StoreSecrets.Redact(e.Message))}[/]");
            return e.ExitCode;
        }
        catch (JournalCorruptException e)
        {
            Terminal.Error.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Terminal.Error.MarkupLine($"[red]Internal error (a bug in checklist; the journal is left as written):[/] {Markup.Escape(StoreSecrets.Redact(e.ToString()))}");
            return ExitCodes.InternalError;
        }
    }
}
