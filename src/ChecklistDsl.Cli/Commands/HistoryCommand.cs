using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary><c>checklist history [NAME] [--target T]</c>: every run in the store (from every host with a team store), newest first.</summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("NAME") { Description = "Only the runs of this checklist (its class name).", Arity = ArgumentArity.ZeroOrOne };
        var target = new Option<string?>("--target", "-t") { Description = "Only the runs against this target." };
        var json = CommonOptions.Json();
        var command = new Command("history", "List the runs in the store: who ran what, where, when, and how it ended.") { name, target, json };
        var storeOptions = new StoreOptions().AddTo(command);
        command.SetAction(result =>
        {
            using var store = storeOptions.Open(result);
            var checklist = result.GetValue(name);
            var onTarget = result.GetValue(target);
            var rows = store.Runs()
                .Where(r => checklist is null || string.Equals(r.Checklist, checklist, StringComparison.OrdinalIgnoreCase))
                .Where(r => onTarget is null || r.Target == onTarget)
                .OrderByDescending(r => r.StartedAt)
                .Select(Row)
                .ToArray();
            if (result.GetValue(json))
                Terminal.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(rows, JournalJson.Options));
            else if (rows.Length == 0)
                Terminal.Out.MarkupLine($"No runs{(checklist is null ? "" : $" of {Markup.Escape(checklist)}")}{(onTarget is null ? "" : $" against '{Markup.Escape(onTarget)}'")} in {Markup.Escape(store.Location)}.");
            else
                WriteTable(rows);
            return ExitCodes.Completed;
        });
        return command;
    }

    /// <summary>One past run; <c>--json</c> writes these fields.</summary>
    private sealed record HistoryRow(
        string RunId, string Checklist, string Target, string Operator, string Host,
        DateTimeOffset Started, DateTimeOffset? Ended, string Outcome, double? DurationSeconds, string? Problem);

    private static HistoryRow Row(RunListing r) => new(
        r.RunId, r.Checklist, r.Target, r.Operator, r.Host, r.StartedAt, r.EndedAt, r.Outcome,
        r.EndedAt is { } end ? Math.Round((end - r.StartedAt).TotalSeconds, 1) : null, r.Problem);

    private static void WriteTable(HistoryRow[] rows)
    {
        var table = new Table().AddColumns("Run", "Checklist", "Target", "Operator", "Host", "Started", "Ended", "Outcome", "Duration");
        foreach (var r in rows)
        {
            table.AddRow(Markup.Escape(r.RunId), Markup.Escape(r.Checklist), Markup.Escape(r.Target), Markup.Escape(r.Operator), Markup.Escape(r.Host),
                StatusCommand.When(r.Started), r.Ended is { } e ? StatusCommand.When(e) : "", Markup.Escape(r.Outcome),
                r.DurationSeconds is { } d ? TimeSpan.FromSeconds(d).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "");
        }
        Terminal.Out.Write(table);
    }
}
