using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Locking;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// <c>checklist status [RUN]</c>: the runs under the state folder, or one run found by its id from any
/// folder, from their journals alone. It takes the options of the other run verbs (--project,
/// --assembly, --no-build), so that a command line can be reused; it needs no checklists assembly.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var stateDir = CommonOptions.StateDir();
        var run = new Argument<string?>("RUN") { Description = "One run (its id, a unique prefix, or its journal's path), from any folder. Default: every run in the state folder.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "List the runs: state, progress, who and when.") { run, json, stateDir };
        new ChecklistSourceOptions().AddTo(command);
        command.SetAction(result =>
        {
            var state = CommonOptions.State(result, stateDir);
            string[] journals;
            if (result.GetValue(run) is { } one)
            {
                var (journal, holder) = StateDirectory.Locate(one, result.GetValue(stateDir));
                (journals, state) = ([journal], holder);
            }
            else
            {
                journals = state.Journals().ToArray();
            }
            var runs = journals.Select(RunSummary.Read).ToArray();
            var rows = runs.Select(r => new
            {
                r.RunId,
                r.Checklist,
                r.Target,
                State = Describe(state, r),
                Progress = $"{r.StepsDone}/{r.StepCount}",
                r.StartedBy,
                r.StartedAt,
                r.LastActivity,
                r.Journal,
                r.Problem,
            }).ToArray();
            if (result.GetValue(json))
            {
                Terminal.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(rows, JournalJson.Options));
                return ExitCodes.Completed;
            }
            if (rows.Length == 0)
            {
                Terminal.Out.MarkupLine($"No runs in {Markup.Escape(state.RunsFolder)}.");
                return ExitCodes.Completed;
            }
            var table = new Table().AddColumns("Run", "Checklist", "Target", "State", "Progress", "Started by", "Started", "Last activity");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.RunId), Markup.Escape(r.Checklist), Markup.Escape(r.Target), Markup.Escape(r.State),
                    r.Progress, Markup.Escape(r.StartedBy), When(r.StartedAt), When(r.LastActivity));
            }
            Terminal.Out.Write(table);
            foreach (var bad in rows.Where(r => r.Problem is not null))
                Terminal.Error.MarkupLine($"[red]Unreadable journal[/] {Markup.Escape(bad.Journal)}: {Markup.Escape(bad.Problem!)} (left untouched)");
            return ExitCodes.Completed;
        });
        return command;
    }

    /// <summary>The machine state, with whether an unfinished run is going on now or waits for a resume.</summary>
    private static string Describe(StateDirectory state, RunSummary run)
    {
        if (run.Problem is not null)
            return $"unreadable ({run.Problem})";
        if (run.IsFinished)
            return run.State;
        var live = RunLock.LiveOwner(state, run.Checklist, run.Target);
        if (live?.RunId == run.RunId)
            return $"running: {run.State}";
        return run.Torn is null
            ? $"stopped: {run.State} (resumable)"
            : $"stopped: {run.State} (resumable; its last record was cut off by a crash and is set aside on resume)";
    }

    private static string When(DateTimeOffset at) => at == default ? "?" : at.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
