using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Spectre.Console;
using Table = Spectre.Console.Table;
using TableRow = Markdig.Extensions.Tables.TableRow;
using TableCell = Markdig.Extensions.Tables.TableCell;

namespace ChecklistDsl.Cli.Rendering;

/// <summary>Renders a runbook's Markdown in the terminal: headings, paragraphs, lists with task boxes, code, tables.</summary>
internal static class MarkdownConsoleRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().Build();

    public static void Render(IAnsiConsole console, string markdown)
    {
        foreach (var block in Markdown.Parse(markdown, Pipeline))
            RenderBlock(console, block, indent: "");
    }

    /// <summary>The body of the first <c>```mermaid</c> block, or <see langword="null"/>.</summary>
    public static string? MermaidOf(string markdown) =>
        Markdown.Parse(markdown, Pipeline).Descendants<FencedCodeBlock>()
            .FirstOrDefault(b => string.Equals(b.Info, "mermaid", StringComparison.OrdinalIgnoreCase)) is { } block
            ? Lines(block)
            : null;

    private static void RenderBlock(IAnsiConsole console, Block block, string indent)
    {
        switch (block)
        {
            case HeadingBlock heading:
                console.WriteLine();
                var text = Inline(heading.Inline);
                if (heading.Level == 1)
                    console.Heading($"[bold]{text}[/]");
                else
                    console.MarkupLine($"{indent}[bold underline]{text}[/]");
                break;
            case ParagraphBlock paragraph:
                console.MarkupLine(indent + Inline(paragraph.Inline));
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var bullet = list.IsOrdered ? $"{number++}." : "•";
                    var first = true;
                    foreach (var child in item)
                    {
                        if (first && child is ParagraphBlock p)
                            console.MarkupLine($"{indent}{bullet} {Inline(p.Inline)}");
                        else
                            RenderBlock(console, child, indent + "   ");
                        first = false;
                    }
                }
                break;
            case FencedCodeBlock or CodeBlock:
                var code = Lines((LeafBlock)block);
                console.Write(new Panel(new Text(code.TrimEnd('\n'))) { Border = BoxBorder.Rounded, Header = block is FencedCodeBlock { Info: { Length: > 0 } info } ? new PanelHeader(info) : null });
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                    RenderBlock(console, child, indent + "│ ");
                break;
            case Markdig.Extensions.Tables.Table table:
                RenderTable(console, table);
                break;
            case ThematicBreakBlock:
                console.Heading("");
                break;
            case ContainerBlock container:
                foreach (var child in container)
                    RenderBlock(console, child, indent);
                break;
            case LeafBlock leaf:
                console.MarkupLine(indent + Markup.Escape(Lines(leaf)));
                break;
        }
    }

    private static void RenderTable(IAnsiConsole console, Markdig.Extensions.Tables.Table table)
    {
        var output = new Table();
        var rows = table.OfType<TableRow>().ToArray();
        if (rows.Length == 0)
            return;
        var headers = rows[0].OfType<TableCell>().Select(CellText).ToArray();
        foreach (var header in headers)
            output.AddColumn(new TableColumn(header));
        output.ShowHeaders = headers.Any(h => h.Length > 0);
        foreach (var row in rows.Skip(1))
            output.AddRow(row.OfType<TableCell>().Select(CellText).Select(t => (Spectre.Console.Rendering.IRenderable)new Markup(t)).ToArray());
        console.Write(output);
    }

    private static string CellText(TableCell cell) =>
        string.Join(" ", cell.OfType<ParagraphBlock>().Select(p => Inline(p.Inline)));

    private static string Lines(LeafBlock block)
    {
        var text = new StringBuilder();
        foreach (var line in block.Lines.Lines.Take(block.Lines.Count))
            text.Append(line.ToString()).Append('\n');
        return text.ToString();
    }

    /// <summary>Inline Markdown as Spectre markup (user text escaped).</summary>
    private static string Inline(ContainerInline? container)
    {
        if (container is null)
            return "";
        var text = new StringBuilder();
        foreach (var inline in container)
            text.Append(Inline(inline));
        return text.ToString();
    }

    private static string Inline(Markdig.Syntax.Inlines.Inline inline) => inline switch
    {
        LiteralInline literal => Markup.Escape(literal.Content.ToString()),
        TaskList task => task.Checked ? "[green]☑[/]" : "☐",
        CodeInline code => $"[blue]{Markup.Escape(code.Content)}[/]",
        EmphasisInline emphasis => emphasis.DelimiterCount >= 2 ? $"[bold]{Inline(emphasis)}[/]" : $"[italic]{Inline(emphasis)}[/]",
        LinkInline link => $"{Inline((ContainerInline)link)} [grey]({Markup.Escape(link.Url ?? "")})[/]",
        LineBreakInline => "\n",
        HtmlInline html => Markup.Escape(html.Tag),
        ContainerInline nested => Inline(nested),
        _ => Markup.Escape(inline.ToString() ?? ""),
    };
}
