using System.CommandLine;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Running;
using ChecklistDsl.Cli.Stores;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// <c>checklist resume RUN</c>: rebuilds a run from its journal and continues it. Refuses a journal
/// written under another plan fingerprint and names the steps that changed.
/// </summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("RUN") { Description = "The run id (or a unique prefix of it, or, with the file store, the journal's path); `checklist status` lists them." };
        var inputOption = new Option<string[]>("--input", "-i") { Description = "An input value (Name=value) to hold against the one the run started with: a run's inputs are fixed, a different value is refused." };
        var command = new Command("resume", "Continue a run from its journal after a crash, Ctrl-C or a pause.") { run, inputOption };
        var source = new ChecklistSourceOptions().AddTo(command);
        var runOptions = new RunOptions().AddTo(command);
        var storeOptions = new StoreOptions(runOptions.StateDir).AddTo(command);

        command.SetAction(async (result, cancellationToken) =>
        {
            // The run id alone is enough: the store that holds it is found from any folder (file store),
            // and the journal says where its checklists are.
            using var store = storeOptions.OpenFor(result, result.GetValue(run)!, StoreOptions.ProjectFolder(result.GetValue(source.Project)));
            var stored = store.Read(result.GetValue(run)!);
            var header = stored.Header;
            var console = Terminal.Out;
            if (stored.Records.FirstOrDefault(r => r.Type == RecordTypes.Abandoned) is { } abandoned)
            {
                console.MarkupLine($"Run {header.RunId} was abandoned by {Markup.Escape(abandoned.User ?? "?")} ({Markup.Escape(abandoned.Text ?? "")}). Nothing to resume.");
                return ExitCodes.Aborted;
            }
            using var loaded = Loading.LoadedChecklists.Load(source.Resolve(result, header).Assembly);
            var checklist = SamePlan(loaded, header);
            var state = RunState.Replay(checklist, stored.Records, stored.Location);
            if (state.State is ChecklistMachine.Completed or ChecklistMachine.Aborted or ChecklistMachine.RolledBack)
            {
                console.MarkupLine($"Run {header.RunId} has already ended: {state.State}. Nothing to resume.");
                return RunSession.ExitCodeOf(state.State);
            }

            var settings = runOptions.Settings(result, checklist, store.Identity);
            var inputs = RunInputs.ForResume(checklist, header.Inputs, CommonOptions.Pairs(result.GetValue(inputOption), "--input"), RunSession.Prompter(console, settings.Interactive));
            return await RunSession.ExecuteAsync(
                state, () => OpenJournal(store, stored, loaded, state, console), inputs, settings, console, cancellationToken);
        });
        return command;
    }

    /// <summary>The run's checklist, refused (naming what changed) when its plan is not the one the run started with.</summary>
    private static ChecklistDefinition SamePlan(Loading.LoadedChecklists loaded, JournalRecord header)
    {
        var checklist = loaded.Find(header.Checklist!);
        return header.Fingerprint == checklist.Fingerprint ? checklist : throw new CliException(PlanChanged(header, checklist));
    }

    /// <summary>
    /// Takes the run's lock and appends the resumed record, once the session is ready to go on: refused when
    /// the run changed since it was read (another process resumed it meanwhile).
    /// </summary>
    private static IRunJournal OpenJournal(IRunStore store, StoredRun stored, Loading.LoadedChecklists loaded, RunState state, IAnsiConsole console)
    {
        var header = stored.Header;
        var checklist = state.Definition;
        var journal = store.Continue(header, new JournalRecord { Type = RecordTypes.Resumed, User = store.Identity.Name, Host = Environment.MachineName, Pid = Environment.ProcessId, State = state.State, SourceRevision = Reporting.SourceRevision.Read(loaded.AssemblyPath) });
        // The store also recorded a torn last line it set aside (file store).
        if (journal.Count != stored.Records.Count + 1 + (stored.Torn is null ? 0 : 1))
        {
            // Someone else wrote to the run between our reading it and taking its lock: start over from what is stored.
            journal.Dispose();
            throw new CliException($"Run {header.RunId} changed while it was being read (another process resumed it meanwhile). Run `checklist resume {header.RunId}` again.");
        }
        if (stored.Torn is { } torn)
            console.MarkupLine($"[yellow]The journal's last record was cut off by a crash while being written; its {torn.Length} byte(s) were moved to {Markup.Escape(torn.AsidePath)} and the run resumes as if it had never been written.[/]");
        console.MarkupLine($"[bold]{Markup.Escape(checklist.Title)}[/] — resuming run {header.RunId} (target '{Markup.Escape(header.Target!)}') at '{Markup.Escape(state.State)}', {state.Progress.DoneCount} of {checklist.Steps.Count} step(s) done.");
        return journal;
    }

    /// <summary>Which steps were added, removed or changed since the journal's plan.</summary>
    internal static string PlanChanged(JournalRecord header, ChecklistDefinition checklist)
    {
        var before = header.Steps!.ToDictionary(s => s.Name, s => s.Fingerprint);
        var now = checklist.Steps.ToDictionary(s => s.Name, s => s.Fingerprint);
        var lines = new List<string>();
        lines.AddRange(checklist.Steps.Where(s => !before.ContainsKey(s.Name)).Select(s => $"  added:   {s.Name} ({s.Title})"));
        lines.AddRange(header.Steps!.Where(s => !now.ContainsKey(s.Name)).Select(s => $"  removed: {s.Name}"));
        lines.AddRange(checklist.Steps.Where(s => before.TryGetValue(s.Name, out var f) && f != s.Fingerprint).Select(s => $"  changed: {s.Name} ({s.Title})"));
        if (lines.Count == 0)
            lines.Add("  no step changed: the change is elsewhere in the plan (title, inputs, order or rollback procedures)");
        return $"The checklist '{checklist.Name}' changed since run {header.RunId} started (plan fingerprint {header.Fingerprint} then, {checklist.Fingerprint} now); " +
               $"the run cannot be resumed under a different plan:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}" +
               "Start a new run, or check out the version of the checklists the run started with.";
    }
}
