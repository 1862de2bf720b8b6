using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Reporting;
using ChecklistDsl.Cli.Stores;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// <c>checklist status [RUN]</c>: the runs in the run store, or one run found by its id (with the file
/// store, from any folder), from their journals alone, with each journal's integrity and, with
/// --durations, each step's durations over past runs. It takes the options of the other run verbs
/// (--project, --assembly, --no-build), so that a command line can be reused; it needs no checklists
/// assembly.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var run = new Argument<string?>("RUN") { Description = "One run (its id, a unique prefix, or, with the file store, its journal's path), from any folder. Default: every run in the store.", Arity = ArgumentArity.ZeroOrOne };
        var durations = new Option<bool>("--durations") { Description = "Also show each step's median and slowest duration over the completed visits of past runs." };
        var command = new Command("status", "List the runs: state, progress, who and when, journal integrity.") { run, json, durations };
        var storeOptions = new StoreOptions().AddTo(command);
        new ChecklistSourceOptions().AddTo(command);
        command.SetAction(result =>
        {
            var one = result.GetValue(run);
            using var store = one is null ? storeOptions.Open(result) : storeOptions.OpenFor(result, one);
            var runs = Listed(store, one);
            var verdicts = runs.ToDictionary(r => r.RunId, r => store.VerifyChain(r.RunId, r.Location));
            var rows = runs.Select(r => Row(r, verdicts[r.RunId])).ToArray();
            var steps = result.GetValue(durations) ? StepDurations.Of(ReadableRuns(store, runs)) : null;
            if (result.GetValue(json))
                WriteJson(rows, steps);
            else if (rows.Length == 0)
                Terminal.Out.MarkupLine($"No runs in {Markup.Escape(store is Stores.File.FileRunStore file ? file.State.RunsFolder : store.Location)}.");
            else
                WriteTable(store, one, rows, verdicts, steps);
            return ExitCodes.Completed;
        });
        return command;
    }

    /// <summary>One line of the listing; <c>--json</c> writes these fields.</summary>
    private sealed record StatusRow(
        string RunId, string Checklist, string Target, string State, string Progress, string StartedBy,
        DateTimeOffset StartedAt, DateTimeOffset LastActivity, string Journal, string? Problem, string Integrity);

    /// <summary>Every run in the store, or the one run <paramref name="one"/> names.</summary>
    private static IReadOnlyList<RunListing> Listed(IRunStore store, string? one)
    {
        var listed = store.Runs();
        if (one is null)
            return listed;
        var wanted = store.Read(one).RunId;
        return listed.Where(r => r.RunId == wanted).ToArray();
    }

    private static StatusRow Row(RunListing r, ChainVerdict? verdict) => new(
        r.RunId, r.Checklist, r.Target, Describe(r), $"{r.StepsDone}/{r.StepCount}", $"{r.Operator}@{r.Host}",
        r.StartedAt, r.LastActivity, r.Location, r.Problem, verdict?.ToString() ?? JournalIntegrity.NotChecked);

    private static void WriteJson(StatusRow[] rows, IReadOnlyList<StepDuration>? steps)
    {
        // With --durations, an object holding both; without, the array of runs as before.
        object document = steps is null ? rows : new { Runs = rows, Durations = steps };
        Terminal.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document, JournalJson.Options));
    }

    /// <summary>The table, what comes next in a single run, then each unreadable or altered journal (on standard error) and the durations.</summary>
    private static void WriteTable(IRunStore store, string? one, StatusRow[] rows, Dictionary<string, ChainVerdict?> verdicts, IReadOnlyList<StepDuration>? steps)
    {
        var table = new Table().AddColumns("Run", "Checklist", "Target", "State", "Progress", "Started by", "Started", "Last activity", "Integrity");
        foreach (var r in rows)
        {
            table.AddRow(Markup.Escape(r.RunId), Markup.Escape(r.Checklist), Markup.Escape(r.Target), Markup.Escape(r.State),
                r.Progress, Markup.Escape(r.StartedBy), When(r.StartedAt), When(r.LastActivity), Markup.Escape(ShortVerdict(verdicts[r.RunId])));
        }
        Terminal.Out.Write(table);
        if (one is not null && rows.Length == 1 && NextOf(store.Read(one)) is { Length: > 0 } next)
            Terminal.Out.MarkupLine($"Next: {Markup.Escape(next)}");
        foreach (var bad in rows.Where(r => r.Problem is not null))
            Terminal.Error.MarkupLine($"[red]Unreadable journal[/] {Markup.Escape(bad.Journal)}: {Markup.Escape(bad.Problem!)} (left untouched)");
        foreach (var broken in rows.Where(r => verdicts[r.RunId]?.Status is ChainStatus.Broken or ChainStatus.CutOff))
            Terminal.Error.MarkupLine($"[red]Journal altered or cut off[/] {Markup.Escape(broken.Journal)}: {Markup.Escape(broken.Integrity)} (`checklist verify {Markup.Escape(broken.RunId)}`)");
        if (steps is not null)
            WriteDurations(steps);
    }

    private static IEnumerable<IReadOnlyList<JournalRecord>> ReadableRuns(IRunStore store, IEnumerable<RunListing> runs)
    {
        foreach (var run in runs.Where(r => r.Problem is null))
        {
            IReadOnlyList<JournalRecord>? records;
            try
            {
                records = store.Read(run.RunId).Records;
            }
            catch (Exception e) when (e is CliException or JournalCorruptException)
            {
                records = null;
            }
            if (records is not null)
                yield return records;
        }
    }

    private static void WriteDurations(IReadOnlyList<StepDuration> steps)
    {
        if (steps.Count == 0)
        {
            Terminal.Out.MarkupLine("No step has been completed yet: no durations.");
            return;
        }
        var table = new Table().Title("Step durations over past runs (completed visits; time stopped between a pause or crash and its resume left out)")
            .AddColumns("Checklist", "Step", "Runs", "Median", "Slowest", "Slowest in run");
        foreach (var s in steps)
        {
            table.AddRow(Markup.Escape(s.Checklist), Markup.Escape(s.Step), s.Runs.ToString(CultureInfo.InvariantCulture),
                MarkdownReport.Duration(s.MedianSeconds), MarkdownReport.Duration(s.SlowestSeconds), Markup.Escape(s.SlowestRun));
        }
        Terminal.Out.Write(table);
    }

    private static string ShortVerdict(ChainVerdict? verdict) => verdict?.Status switch
    {
        null => JournalIntegrity.NotChecked,
        ChainStatus.Broken => $"BROKEN at record {verdict.BadRecord}",
        ChainStatus.CutOff => $"cut off at record {verdict.BadRecord}",
        ChainStatus.Intact => "intact",
        ChainStatus.Unchained => "unchained (older format)",
        _ => "unreadable",
    };

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
