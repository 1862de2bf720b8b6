using System.CommandLine;
using System.Text.Json;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Loading;
using ChecklistDsl.Cli.Reporting;
using ChecklistDsl.Cli.Stores;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// <c>checklist report RUN [--format md|html|json] [--output FILE]</c>: what a run did, for a change
/// review: outcome, plan and source revision, deviations first, timeline, commands with their output,
/// approvals, and the journal's integrity verdict. Works on finished, running, paused and unreadable
/// runs alike, saying which.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("RUN") { Description = "The run id (or a unique prefix of it, or the journal's path); `checklist status` lists them." };
        var format = new Option<string?>("--format", "-f") { Description = "md (Markdown, the default), html (a standalone page) or json (for scripts). Default: from --output's extension, else md." };
        format.AcceptOnlyFromAmong("md", "html", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var wikiUrl = new Option<string?>("--wiki-url") { Description = $"The wiki the runbooks are published to (e.g. https://github.com/org/repo/wiki), to link the runbook's page. Default: ${RunbookLink.EnvironmentVariable}, else a GitHub wiki `checklist publish` cloned under the state folder." };
        var stateDir = CommonOptions.StateDir();
        var command = new Command("report", "Write a run's report (Markdown, HTML or JSON): outcome, deviations, timeline, commands and output, approvals, integrity.")
        {
            run, format, output, wikiUrl,
        };
        var source = new ChecklistSourceOptions().AddTo(command);
        var storeOptions = new StoreOptions(stateDir).AddTo(command);
        command.SetAction(result =>
        {
            using var store = storeOptions.OpenFor(result, result.GetValue(run)!);
            var file = result.GetValue(output);
            var chosen = result.GetValue(format) ?? FormatOf(file);
            StoredRun stored;
            try
            {
                stored = store.Read(result.GetValue(run)!);
            }
            catch (JournalCorruptException unreadable)
            {
                // Nothing to report but that: the report says the journal is unreadable, where and why.
                Write(Unreadable(chosen, unreadable.JournalPath, unreadable, JournalChain.Verify(unreadable.JournalPath)), file);
                return ExitCodes.UsageError;
            }
            using var loaded = TryLoad(result, source);
            var stateRoot = store is Stores.File.FileRunStore fileStore ? fileStore.State.Root : StateDirectory.At(result.GetValue(stateDir)).Root;
            Write(Render(chosen, Build(store, stored, loaded, stateRoot, result.GetValue(wikiUrl))), file);
            return ExitCodes.Completed;
        });
        return command;
    }

    /// <summary>The run's report: titles from the loaded checklists when there are some, else from the journal.</summary>
    private static RunReport Build(IRunStore store, StoredRun stored, LoadedChecklists? loaded, string stateRoot, string? wikiUrl)
    {
        var header = stored.Records[0];
        var definition = loaded?.Checklists.FirstOrDefault(c => c.Name == header.Checklist);
        var isLive = store.Runs().FirstOrDefault(r => r.RunId == stored.RunId)?.Live == true;
        var link = RunbookLink.Find(wikiUrl, stateRoot, header.Title ?? definition?.Title ?? header.Checklist!);
        return RunReportBuilder.Build(stored.Records, definition, store.VerifyChain(stored.RunId, stored.Location), isLive, link);
    }

    private static string Render(string format, RunReport report) => format switch
    {
        "html" => HtmlReport.Render(report),
        "json" => JsonSerializer.Serialize(report, ReportJson.Options) + "\n",
        _ => MarkdownReport.Render(report),
    };

    /// <summary>To standard output, or to <paramref name="file"/> (its folder made).</summary>
    private static void Write(string text, string? file)
    {
        if (file is null)
        {
            Terminal.Out.Profile.Out.Writer.Write(text);
            return;
        }
        try
        {
            var full = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new System.Text.UTF8Encoding(false));
            Terminal.Out.MarkupLine($"Report written to {Markup.Escape(full)}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write the report to '{file}': {e.Message}");
        }
    }

    private static string FormatOf(string? file) => Path.GetExtension(file ?? "").ToLowerInvariant() switch
    {
        ".html" or ".htm" => "html",
        ".json" => "json",
        _ => "md",
    };

    /// <summary>
    /// The checklists, for titles: those given with --project/--assembly (an error there is the user's to
    /// see), else the project in the current folder if there is one that builds; else none, and the report
    /// names steps from the journal.
    /// </summary>
    private static LoadedChecklists? TryLoad(ParseResult result, ChecklistSourceOptions source)
    {
        if (result.GetResult(source.Project) is not null || result.GetResult(source.Assembly) is not null)
            return source.Load(result);
        try
        {
            return source.Load(result);
        }
        catch (CliException e)
        {
            Terminal.Error.MarkupLine($"[grey]No checklists loaded ({Markup.Escape(e.Message.Split('\n')[0])}); steps are named from the journal.[/]");
            return null;
        }
    }

    private static string Unreadable(string format, string path, JournalCorruptException e, ChainVerdict integrity)
    {
        var runId = Path.GetFileNameWithoutExtension(path);
        if (format == "json")
        {
            return JsonSerializer.Serialize(new
            {
                RunId = runId,
                Outcome = "unreadable",
                OutcomeDetail = $"The journal cannot be read at line {e.LineNumber}: {e.Problem}. It was left untouched.",
                Journal = path,
                BadLine = e.LineNumber,
                Integrity = new ReportIntegrity(integrity.Status.ToString().ToLowerInvariant(), integrity.ToString(), integrity.Records, integrity.BadRecord, integrity.Head),
            }, ReportJson.Options) + "\n";
        }
        var md = $"""
            # Run report: {MarkdownReport.Text(runId)}

            **The journal of this run is unreadable**, so there is nothing else to report: line {e.LineNumber}: {MarkdownReport.Text(e.Problem)}.
            The file was left untouched: `{path.Replace("`", "'", StringComparison.Ordinal)}`.

            Journal integrity: **{MarkdownReport.Text(integrity.ToString())}**

            """;
        return format == "html" ? HtmlReport.Page($"Run report: {runId} (unreadable journal)", md) : md;
    }
}

/// <summary>The JSON shape of <c>report --format json</c>: camelCase, indented, nulls left out (README-CLI.md documents it).</summary>
internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JournalJson.Options) { WriteIndented = true };
}
