using Spectre.Console;
using System.CommandLine;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// <c>checklist unlock NAME --target T</c> or <c>checklist unlock RUN</c>: clears a lock left by a run that
/// is no longer running, and records that in the run's journal (the run itself keeps its claim: resume or
/// abandon it). With the file store a run id finds its checklist, target and state folder from any folder.
/// </summary>
internal static class UnlockCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The checklist's name, as the lock message gives it, or the id of the run that left the lock." };
        var target = CommonOptions.Target();
        var force = new Option<bool>("--force") { Description = "File store: clear the lock even if its process seems alive (or runs on another host)." };
        var command = new Command("unlock", "Clear a checklist's lock for a target after its run died.") { name, target, force };
        var storeOptions = new StoreOptions().AddTo(command);
        new ChecklistSourceOptions().AddTo(command);
        command.SetAction(result =>
        {
            var (checklist, lockTarget) = (result.GetValue(name)!, result.GetValue(target)!);
            var found = FindRun(checklist, result.GetValue(storeOptions.StateDir));
            if (found is not null)
                (checklist, lockTarget) = (found.Value.Checklist, found.Value.Target);
            // A run id names its own state folder (file store); else the chosen store.
            using var store = found is { } located && storeOptions.IsFileStore(result)
                ? new Stores.File.FileRunStore(located.State)
                : storeOptions.Open(result);
            var cleared = store.Unlock(checklist, lockTarget, result.GetValue(force));
            Terminal.Out.MarkupLine($"Lock cleared ({Markup.Escape(cleared.Description)}).");
            if (cleared.RunId is null)
                return ExitCodes.Completed;
            StoredRun run;
            try
            {
                run = store.Read(cleared.RunId);
            }
            catch (CliException)
            {
                // The lock names a run whose journal is not in this store: nothing to record it in.
                Terminal.Out.MarkupLine($"Its run can be continued with `checklist resume {Markup.Escape(cleared.RunId)}`.");
                return ExitCodes.Completed;
            }
            store.AppendOutside(run, new JournalRecord
            {
                Type = RecordTypes.Unlocked, User = store.Identity.Name, Host = Environment.MachineName, Pid = Environment.ProcessId,
                Text = $"lock cleared: {cleared.Description}",
            });
            Terminal.Out.MarkupLine($"Recorded in the journal of run {Markup.Escape(cleared.RunId)}; continue it with `checklist resume {Markup.Escape(cleared.RunId)}`.");
            return ExitCodes.Completed;
        });
        return command;
    }

    /// <summary>The checklist, target and state folder of the run <paramref name="run"/>, when it names a run.</summary>
    private static (string Checklist, string Target, Journal.StateDirectory State)? FindRun(string run, string? stateDir)
    {
        if (!run.Contains('-', StringComparison.Ordinal) && !run.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            return null; // a checklist's name (run ids are yyyyMMdd-HHmmss-Name-xxxxxx)
        try
        {
            var (journal, state) = Journal.StateDirectory.Locate(run, stateDir);
            var header = Journal.RunSummary.Read(journal);
            return header.Checklist == "?" ? null : (header.Checklist, header.Target, state);
        }
        catch (CliException)
        {
            return null;
        }
    }
}
