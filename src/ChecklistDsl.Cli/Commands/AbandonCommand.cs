using System.CommandLine;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// <c>checklist abandon RUN --comment TEXT</c>: gives up an unfinished run that is not going on, so that
/// it no longer claims its checklist × target. Recorded in its journal with who and why.
/// </summary>
internal static class AbandonCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("RUN") { Description = "The run id (or a unique prefix of it)." };
        var comment = new Option<string>("--comment") { Description = "Why the run is given up (recorded in its journal).", Required = true };
        var command = new Command("abandon", "Give up an unfinished run: it stops claiming its target, and cannot be resumed.") { run, comment };
        var storeOptions = new StoreOptions().AddTo(command);
        command.SetAction(result =>
        {
            var why = result.GetValue(comment)!;
            if (string.IsNullOrWhiteSpace(why))
                throw new CliException("--comment needs a reason: it is recorded in the run's journal.");
            using var store = storeOptions.Open(result);
            var stored = store.Read(result.GetValue(run)!);
            var listing = store.Runs().FirstOrDefault(r => r.RunId == stored.RunId);
            if (listing is { IsFinished: true })
                throw new CliException($"Run {stored.RunId} has already ended ({listing.State}); there is nothing to abandon.");
            if (listing is { Live: true })
                throw new CliException($"Run {stored.RunId} is going on now (its process holds the lock); stop it first (Ctrl-C pauses it).", ExitCodes.Locked);
            store.AppendOutside(stored, new JournalRecord
            {
                Type = RecordTypes.Abandoned, User = store.Identity.Name, Host = Environment.MachineName, Pid = Environment.ProcessId, Text = why,
            });
            Terminal.Out.MarkupLine($"Run {Markup.Escape(stored.RunId)} abandoned; '{Markup.Escape(stored.Header.Checklist!)}' is free again for target '{Markup.Escape(stored.Header.Target!)}'.");
            return ExitCodes.Completed;
        });
        return command;
    }
}
