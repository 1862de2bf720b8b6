using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// <c>checklist status [RUN]</c>: the runs in the run store, or one run found by its id (with the file
/// store, from any folder), from their journals alone. It takes the options of the other run verbs
/// (--project, --assembly, --no-build), so that a command line can be reused; it needs no checklists
/// assembly.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var run = new Argument<string?>("RUN") { Description = "One run (its id, a unique prefix, or, with the file store, its journal's path), from any folder. Default: every run in the store.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "List the runs: state, progress, who and when.") { run, json };
        var storeOptions = new StoreOptions().AddTo(command);
        new ChecklistSourceOptions().AddTo(command);
        command.SetAction(result =>
        {
            var one = result.GetValue(run);
            using var store = one is null ? storeOptions.Open(result) : storeOptions.OpenFor(result, one);
            var listed = store.Runs();
            if (one is not null)
            {
                var wanted = store.Read(one).RunId;
                listed = listed.Where(r => r.RunId == wanted).ToArray();
            }
            var rows = listed.Select(r => new
            {
                r.RunId,
                r.Checklist,
                r.Target,
                State = Describe(r),
                Progress = $"{r.StepsDone}/{r.StepCount}",
                StartedBy = $"{r.Operator}@{r.Host}",
                r.StartedAt,
                r.LastActivity,
                Journal = r.Location,
                r.Problem,
            }).ToArray();
            if (result.GetValue(json))
            {
                Terminal.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(rows, JournalJson.Options));
                return ExitCodes.Completed;
            }
            if (rows.Length == 0)
            {
                Terminal.Out.MarkupLine($"No runs in {Markup.Escape(store is Stores.File.FileRunStore file ? file.State.RunsFolder : store.Location)}.");
                return ExitCodes.Completed;
            }
            var table = new Table().AddColumns("Run", "Checklist", "Target", "State", "Progress", "Started by", "Started", "Last activity");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.RunId), Markup.Escape(r.Checklist), Markup.Escape(r.Target), Markup.Escape(r.State),
                    r.Progress, Markup.Escape(r.StartedBy), When(r.StartedAt), When(r.LastActivity));
            }
            Terminal.Out.Write(table);
            if (one is not null && rows.Length == 1 && NextOf(store.Read(one)) is { Length: > 0 } next)
                Terminal.Out.MarkupLine($"Next: {Markup.Escape(next)}");
            foreach (var bad in rows.Where(r => r.Problem is not null))
                Terminal.Error.MarkupLine($"[red]Unreadable journal[/] {Markup.Escape(bad.Journal)}: {Markup.Escape(bad.Problem!)} (left untouched)");
            return ExitCodes.Completed;
        });
        return command;
    }

    /// <summary>
    /// What can happen next in an unfinished run, from its live machine (the checklists assembly its journal
    /// names, never built by status); null when it cannot be loaded: status never fails on that.
    /// </summary>
    private static string? NextOf(StoredRun run)
    {
        if (run.Header.Assembly is not { } assembly || !File.Exists(assembly))
            return null;
        try
        {
            using var loaded = Loading.LoadedChecklists.Load(assembly);
            var checklist = loaded.Find(run.Header.Checklist!);
            if (checklist.Fingerprint != run.Header.Fingerprint)
                return null;
            var state = RunState.Replay(checklist, run.Records, run.Location);
            return Running.NextTriggers.Describe(checklist.CreateMachine(state.Progress, state.State));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The machine state, with whether an unfinished run is going on now or waits for a resume.</summary>
    private static string Describe(RunListing run) =>
        run.Problem is not null ? $"unreadable ({run.Problem})"
        : run.IsFinished ? run.State
        : run.Live ? $"running: {run.State}"
        : run.TornTail ? $"stopped: {run.State} (resumable; its last record was cut off by a crash and is set aside on resume)"
        : $"stopped: {run.State} (resumable)";

    internal static string When(DateTimeOffset at) => at == default ? "?" : at.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
