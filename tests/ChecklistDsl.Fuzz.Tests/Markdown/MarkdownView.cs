using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChecklistDsl.Fuzz.Tests.Markdown;

/// <summary>
/// How a reader's Markdown renderer sees a runbook: Markdig with every extension of UseAdvancedExtensions
/// (pipe and grid tables, task lists, emphasis extras, autolinks, generic attributes, custom containers,
/// definition and alpha lists, footnotes, math), a superset of what GitHub and common wikis accept.
/// Blocks are described as short strings of their kind and rendered plain text, so a whole runbook
/// compares against its expectation at once.
/// </summary>
internal static class MarkdownView
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    public static string Describe(Block block) => block switch
    {
        HeadingBlock heading => $"H{heading.Level}:{Plain(heading.Inline)}",
        ParagraphBlock paragraph => "P:" + Plain(paragraph.Inline),
        ListBlock list => "LIST:" + string.Join(" ¦ ", list.OfType<ListItemBlock>().Select(item => string.Join(" ⏎ ", item.Select(Describe)))),
        FencedCodeBlock { Info: "mermaid" } => "CODE[mermaid]",
        FencedCodeBlock code => $"CODE[{code.Info}]:{Content(code)}",
        QuoteBlock quote => "QUOTE:" + string.Join(" ⏎ ", quote.Select(Describe)),
        Table table => "TABLE:" + string.Concat(table.OfType<TableRow>().Select(row => "[" + string.Join("|", row.OfType<TableCell>().Select(CellText)) + "]")),
        HtmlBlock html => "HTML:" + html.Lines,
        _ => block.GetType().Name + ":" + (block as LeafBlock)?.Lines,
    };

    public static string Content(FencedCodeBlock code) => code.Lines.ToString();

    private static string CellText(TableCell cell) => string.Join(" ⏎ ", cell.Select(b => b is ParagraphBlock p ? Plain(p.Inline) : Describe(b)));

    /// <summary>
    /// The text a reader sees. Hard line breaks are newlines; anything a user string must never become
    /// (a soft break inside a one-line field, raw HTML, a link) is shown marked, so it cannot compare equal.
    /// </summary>
    public static string Plain(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(text, inline);
        // "- [ ] text": the task box, then the text after its one separating space.
        return text.Length >= 2 && text[0] == '☐' && text[1] == ' ' ? text.Remove(1, 1).ToString() : text.ToString();
    }

    private static void Append(StringBuilder text, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case TaskList:
                text.Append('☐');
                return;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                return;
            case CodeInline code:
                text.Append(code.Content);
                return;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                return;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? "\n" : "⟨soft break⟩");
                return;
            case HtmlInline html:
                text.Append("⟨html ").Append(html.Tag).Append('⟩');
                return;
            case AutolinkInline autolink:
                text.Append("⟨autolink ").Append(autolink.Url).Append('⟩');
                return;
            case LinkInline link:
                text.Append("⟨link ").Append(link.Url).Append('⟩');
                break;
            case EmphasisInline emphasis when emphasis.DelimiterChar != '*':
                // The generator's own emphasis is ** (bold labels); any other delimiter came from a user string.
                text.Append("⟨emphasis ").Append(emphasis.DelimiterChar).Append('⟩');
                break;
        }
        if (inline is ContainerInline container)
        {
            foreach (var child in container)
                Append(text, child);
        }
    }
}
