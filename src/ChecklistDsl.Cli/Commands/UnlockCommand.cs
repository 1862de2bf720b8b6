using Spectre.Console;
using System.CommandLine;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// <c>checklist unlock NAME --target T</c>: clears a lock left by a run that is no longer running, and
/// records that in the run's journal (the run itself keeps its claim: resume or abandon it).
/// </summary>
internal static class UnlockCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The checklist's name, as the lock message gives it." };
        var target = CommonOptions.Target();
        var force = new Option<bool>("--force") { Description = "File store: clear the lock even if its process seems alive (or runs on another host)." };
        var command = new Command("unlock", "Clear a checklist's lock for a target after its run died.") { name, target, force };
        var storeOptions = new StoreOptions().AddTo(command);
        command.SetAction(result =>
        {
            using var store = storeOptions.Open(result);
            var cleared = store.Unlock(result.GetValue(name)!, result.GetValue(target)!, result.GetValue(force));
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
}
