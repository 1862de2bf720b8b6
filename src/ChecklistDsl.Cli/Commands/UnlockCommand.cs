using Spectre.Console;
using System.CommandLine;
using ChecklistDsl.Cli.Locking;

namespace ChecklistDsl.Cli.Commands;

/// <summary><c>checklist unlock NAME --target T</c>: clears a lock left by a run that is no longer running.</summary>
internal static class UnlockCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The checklist's name, as the lock message gives it." };
        var target = CommonOptions.Target();
        var force = new Option<bool>("--force") { Description = "Clear the lock even if its process seems alive (or runs on another host)." };
        var stateDir = CommonOptions.StateDir();
        var command = new Command("unlock", "Clear a checklist's lock for a target after its run died.") { name, target, force, stateDir };
        command.SetAction(result =>
        {
            var state = CommonOptions.State(result, stateDir);
            var path = RunLock.PathFor(state, result.GetValue(name)!, result.GetValue(target)!);
            if (!File.Exists(path))
                throw new CliException($"There is no lock {path}.");
            var owner = RunLock.ReadOwner(path);
            if (owner is not null && !RunLock.IsStale(owner) && !result.GetValue(force))
                throw new CliException($"The lock is held by a live run: {owner}. Pass --force only if you are sure it is gone.", ExitCodes.Locked);
            File.Delete(path);
            Terminal.Out.MarkupLine($"Lock cleared{(owner is null ? "" : $" ({Spectre.Console.Markup.Escape(owner.ToString())})")}.");
            if (owner is not null)
                Terminal.Out.MarkupLine($"Its run can be continued with `checklist resume {owner.RunId}`.");
            return ExitCodes.Completed;
        });
        return command;
    }
}
