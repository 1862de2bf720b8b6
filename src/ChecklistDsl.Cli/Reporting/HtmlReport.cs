using System.Net;
using Markdig;

namespace ChecklistDsl.Cli.Reporting;

/// <summary>
/// The report's Markdown rendered by Markdig into one standalone page: styles inline, no script, no
/// font, image or anything else fetched, so it can be attached to a change ticket and read offline.
/// </summary>
internal static class HtmlReport
{
    // Tables for the facts, heading ids for links into the page. Raw HTML is kept: the Markdown's own
    // <details> blocks need it, and every journal text in it is escaped (MarkdownReport.Text).
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; line-height: 1.45; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
        th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        pre { background: #f6f8fa; padding: 0.6rem; overflow-x: auto; }
        code { font-family: ui-monospace, monospace; font-size: 0.9em; }
        details { margin: 0 0 1rem; }
        summary { cursor: pointer; color: #0969da; }
        h3 { font-size: 1rem; margin-top: 1.5rem; }
        """;

    public static string Render(RunReport report) => Page($"Run report: {report.Title}", MarkdownReport.Render(report));

    /// <summary>A standalone HTML page from the report's Markdown.</summary>
    public static string Page(string title, string markdown) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>
        {Style}
        </style>
        </head>
        <body>
        {Markdown.ToHtml(markdown, Pipeline)}
        </body>
        </html>

        """;
}
