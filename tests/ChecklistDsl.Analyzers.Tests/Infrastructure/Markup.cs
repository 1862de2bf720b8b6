using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ChecklistDsl.Analyzers.Tests.Infrastructure;

/// <summary>An expected diagnostic: its id and span in the clean source.</summary>
internal sealed record ExpectedDiagnostic(string Id, TextSpan Span)
{
    public override string ToString() => $"{Id}@{Span}";
}

/// <summary>
/// Test sources mark expected diagnostics as <c>{|CHK001:text|}</c>, the way the Roslyn testing
/// libraries do; <see cref="Parse"/> strips the markers and returns where they were.
/// </summary>
internal static class Markup
{
    public static (string Source, IReadOnlyList<ExpectedDiagnostic> Expected) Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<ExpectedDiagnostic>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                    throw new FormatException($"Unterminated marker at {i}");
                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon + 1;
                continue;
            }
            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, TextSpan.FromBounds(start, source.Length)));
                i += 2;
                continue;
            }
            source.Append(markup[i]);
            i++;
        }
        if (open.Count > 0)
            throw new FormatException("Unclosed marker " + open.Peek().Id);
        return (source.ToString(), expected.OrderBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList());
    }
}
