using System.Net;
using System.Text;
using ChecklistDsl.Runbooks;
using Markdig;

namespace ChecklistDsl.Cli.Export;

/// <summary>
/// Renders runbooks to standalone HTML pages (task lists, pipe tables, the Mermaid diagram drawn
/// by a local copy of mermaid.js) and an index page.
/// </summary>
internal static class HtmlExporter
{
    /// <summary>The index page's file name.</summary>
    public const string IndexFileName = "index.html";

    /// <summary>The script's file name next to the pages.</summary>
    public const string ScriptFileName = "mermaid.min.js";

    // What runbooks use (pipe tables, task lists), GitHub-style heading ids, and nothing that gives
    // meaning to other text: generic attributes would read a "{Name}" at a line's end as attributes.
    // Diagrams: a ```mermaid block becomes <pre class="mermaid"> with its text escaped, which mermaid.js draws.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .UseDiagrams()
        .Build();
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The page's file name for a runbook: <c>deploy-safely-to-production.html</c>.</summary>
    public static string PageFileName(CompiledRunbook runbook) => Path.ChangeExtension(runbook.FileName, ".html");

    /// <summary>
    /// Writes one page per runbook, the index page, mermaid.min.js (and its licence, when found
    /// beside it) to <paramref name="outputDirectory"/>. Every page is rendered before anything is
    /// written, so a failure leaves no partial export.
    /// </summary>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Export(IReadOnlyList<CompiledRunbook> runbooks, string outputDirectory, string mermaidScriptPath)
    {
        var pages = new List<(string Name, string Html)>();
        foreach (var runbook in runbooks)
            pages.Add((PageFileName(runbook), Page(runbook.Title, runbook.Markdown)));
        pages.Add((IndexFileName, Page("Runbooks", RunbookIndex.Markdown(runbooks, PageFileName))));

        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var (name, html) in pages)
        {
            var path = Path.Combine(outputDirectory, name);
            File.WriteAllText(path, html, Utf8NoBom);
            written.Add(path);
        }
        var script = Path.Combine(outputDirectory, ScriptFileName);
        File.Copy(mermaidScriptPath, script, overwrite: true);
        written.Add(script);
        var license = FindLicense(mermaidScriptPath);
        if (license is not null)
        {
            var copy = Path.Combine(outputDirectory, "mermaid.LICENSE.txt");
            File.Copy(license, copy, overwrite: true);
            written.Add(copy);
        }
        return written;
    }

    /// <summary>A standalone HTML page for the Markdown <paramref name="markdown"/>.</summary>
    public static string Page(string title, string markdown)
    {
        var body = Markdown.ToHtml(markdown, Pipeline);

        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
            table { border-collapse: collapse; margin: 1rem 0; }
            th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
            pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; }
            pre.mermaid { background: none; text-align: center; }
            ul.contains-task-list { list-style: none; padding-left: 1rem; }
            blockquote { color: #59636e; border-left: .25rem solid #d0d7de; margin: 0; padding: 0 1rem; }
            </style>
            </head>
            <body>
            <main>
            {{body}}</main>
            <script src="{{ScriptFileName}}"></script>
            <script>mermaid.initialize({ startOnLoad: true, securityLevel: "strict" });</script>
            </body>
            </html>

            """;
    }

    private static string? FindLicense(string scriptPath)
    {
        // npm layout: package/dist/mermaid.min.js with package/LICENSE.
        var folder = Path.GetDirectoryName(Path.GetFullPath(scriptPath));
        foreach (var candidate in new[] { folder, Path.GetDirectoryName(folder) })
        {
            if (candidate is null)
                continue;
            var license = Path.Combine(candidate, "LICENSE");
            if (File.Exists(license))
                return license;
        }
        return null;
    }
}
