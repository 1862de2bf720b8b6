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
            var stale = owner is not null && RunLock.IsStale(owner);
            if (owner is not null && !stale && !result.GetValue(force))
                throw new CliException($"The lock is held by a live run: {owner}. Pass --force only if you are sure it is gone.", ExitCodes.Locked);
            File.Delete(path);
            Terminal.Out.MarkupLine($"Lock cleared{(owner is null ? "" : $" ({Spectre.Console.Markup.Escape(owner.ToString())})")}.");
            if (owner is not null)
                RecordUnlock(state, owner, stale);
            if (owner is not null)
                Terminal.Out.MarkupLine($"Its run can be continued with `checklist resume {owner.RunId}`.");
            return ExitCodes.Completed;
        });
        return command;
    }

    private static bool EndsWithWholeRecord(string journal)
    {
        using var stream = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length == 0)
            return false;
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    /// <summary>
    /// Notes the unlock in the run's journal (a deviation its report lists). Not when the owner seemed
    /// alive (--force): its process may still be appending, and two writers would break the hash chain.
    /// </summary>
    private static void RecordUnlock(Journal.StateDirectory state, LockOwner owner, bool stale)
    {
        var journal = state.JournalPath(owner.RunId);
        if (!File.Exists(journal))
            return;
        if (!stale || !EndsWithWholeRecord(journal))
        {
            Terminal.Out.MarkupLine(stale
                ? "[grey]Not noted in the run's journal: its last line is incomplete (`checklist resume` deals with it).[/]"
                : "[grey]Not noted in the run's journal: its process may still be writing to it.[/]");
            return;
        }
        try
        {
            using var writer = Journal.JournalWriter.OpenForAppend(journal);
            writer.Append(new Journal.JournalRecord
            {
                Type = Journal.RecordTypes.Unlocked, User = Environment.UserName, Host = Environment.MachineName, Pid = Environment.ProcessId,
                Text = $"stale lock of pid {owner.Pid} on {owner.Host} since {owner.Since:u}",
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Terminal.Error.MarkupLine($"[yellow]The lock is cleared, but the unlock could not be noted in {Spectre.Console.Markup.Escape(journal)}: {Spectre.Console.Markup.Escape(e.Message)}[/]");
        }
    }
}
