using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ChecklistDsl.Cli.Export;

/// <summary>
/// Renders a <c>```mermaid</c> fenced block as <c>&lt;pre class="mermaid"&gt;</c> with its text
/// HTML-escaped, which mermaid.js finds and replaces with an SVG; every other code block renders as usual.
/// </summary>
internal sealed class MermaidBlockRenderer(CodeBlockRenderer fallback) : HtmlObjectRenderer<CodeBlock>
{
    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        if (obj is FencedCodeBlock { Info: "mermaid" })
        {
            renderer.EnsureLine();
            renderer.Write("<pre class=\"mermaid\">");
            renderer.WriteLeafRawLines(obj, writeEndOfLines: true, escape: true);
            renderer.WriteLine("</pre>");
            return;
        }
        ((IMarkdownObjectRenderer)fallback).Write(renderer, obj);
    }
}
