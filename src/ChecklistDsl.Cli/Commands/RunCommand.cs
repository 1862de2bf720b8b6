using ChecklistDsl.Cli.Stores.File;
using Spectre.Console;
using System.CommandLine;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Running;
using ChecklistDsl.Cli.Stores;

namespace ChecklistDsl.Cli.Commands;

/// <summary><c>checklist run NAME</c>: walks a checklist step by step, with a journal and a lock in the run store.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var name = CommonOptions.ChecklistName();
        var target = CommonOptions.Target();
        var inputs = new Option<string[]>("--input", "-i") { Description = "An input value: Name=value. Repeatable. Secrets come from their environment variable or a prompt." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show every step and command as it would run; run nothing, record nothing." };
        var command = new Command("run", "Run a checklist step by step, with a crash-safe journal.") { name, target, inputs, dryRun };
        var source = new ChecklistSourceOptions().AddTo(command);
        var runOptions = new RunOptions().AddTo(command);
        var storeOptions = new StoreOptions(runOptions.StateDir).AddTo(command);

        command.SetAction(async (result, cancellationToken) =>
        {
            var (assemblyPath, project) = source.Resolve(result, recorded: null);
            using var loaded = Loading.LoadedChecklists.Load(assemblyPath);
            var checklist = loaded.Find(result.GetValue(name)!);
            var given = CommonOptions.Pairs(result.GetValue(inputs), "--input");
            var console = Terminal.Out;

            if (result.GetValue(dryRun))
            {
                DryRun.Show(console, checklist, RunInputs.Resolve(checklist, given, ask: null, allowMissing: true));
                return ExitCodes.Completed;
            }

            // The store first: a bad store setting fails before any question is asked.
            using var store = storeOptions.Open(result, StoreOptions.ProjectFolder(result.GetValue(source.Project)));
            var settings = runOptions.Settings(result, checklist, store.Identity);
            var values = RunInputs.Resolve(checklist, given, RunSession.Prompter(console, settings.Interactive));
            var header = Header(checklist, result.GetValue(target), store, values, loaded.AssemblyPath, assemblyPath, project);
            return await RunSession.ExecuteAsync(
                new RunState(checklist, header), () => OpenJournal(store, header, checklist, console), values, settings, console, cancellationToken);
        });
        return command;
    }

    /// <summary>The journal's first record: the run, its plan, who runs it where, and the non-secret inputs.</summary>
    private static JournalRecord Header(ChecklistDefinition checklist, string? target, IRunStore store, RunInputs values, string loadedFrom, string assemblyPath, string? project)
    {
        var now = DateTimeOffset.UtcNow;
        return new JournalRecord
        {
            Type = RecordTypes.Header,
            At = now,
            Version = JournalFormat.Version,
            RunId = StateDirectory.NewRunId(checklist.Name, now),
            Checklist = checklist.Name,
            Title = checklist.Title,
            Fingerprint = checklist.Fingerprint,
            Steps = checklist.Steps.Select(s => new StepFingerprint(s.Name, s.Fingerprint)).ToArray(),
            Target = target,
            // The operator as the store knows them: the database login, or the OS user.
            User = store.Identity.Name,
            Host = Environment.MachineName,
            Pid = Environment.ProcessId,
            Assembly = assemblyPath,
            Project = project,
            StateDir = (store as FileRunStore)?.State.Root,
            Inputs = values.Values,
            SourceRevision = Reporting.SourceRevision.Read(loadedFrom),
        };
    }

    /// <summary>Stores the header (taking the run's lock) once the session is ready, and names the run.</summary>
    private static IRunJournal OpenJournal(IRunStore store, JournalRecord header, ChecklistDefinition checklist, IAnsiConsole console)
    {
        var journal = store.Start(header);
        var environment = checklist.Environment is null ? "" : checklist.IsProduction ? $" [bold red]{Markup.Escape(checklist.Environment.ToUpperInvariant())}[/]" : $" ({Markup.Escape(checklist.Environment)})";
        // Shown once the run exists (its lock taken, its header stored): never an id that was not recorded.
        console.MarkupLine($"[bold]{Markup.Escape(checklist.Title)}[/]{environment} — run {header.RunId} against target '{Markup.Escape(header.Target!)}'");
        // Hints name the run alone (`checklist resume RUN`): the index finds a file-store run from any folder.
        if (store is FileRunStore && RunIndex.Add(header.RunId!, journal.Location) is { } why)
            console.MarkupLine($"[grey]Note: the run could not be added to {Markup.Escape(RunIndex.Folder)} ({Markup.Escape(why)}); resume it from this folder, or with --state-dir.[/]");
        return journal;
    }
}
