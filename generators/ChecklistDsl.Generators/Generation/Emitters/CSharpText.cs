using System;
using System.Globalization;
using System.Linq;
using System.Text;
using ChecklistDsl.Generators.Dsl.Model;

namespace ChecklistDsl.Generators.Generation.Emitters;

/// <summary>C# literals for generated code.</summary>
internal static class CSharpText
{
    /// <summary>
    /// A regular string literal on one line. Everything outside printable ASCII is a \u escape, so no
    /// author's text (line separators, control characters, lone surrogates) can break the file.
    /// </summary>
    public static string Literal(string? value)
    {
        if (value is null)
            return "null";
        return AppendLiteral(new StringBuilder(value.Length + value.Length / 8 + 2), value).ToString();
    }

    /// <summary>Appends <see cref="Literal"/>'s text for <paramref name="value"/>.</summary>
    public static StringBuilder AppendLiteral(StringBuilder text, string value) => AppendLiteral(text, value, null, value.Length);

    /// <summary>
    /// Appends the literal for a text still in a builder: a runbook or a plan is tens of kilobytes per
    /// checklist, and copying it to a string first doubles what the generator allocates (and, in a
    /// fresh compiler process, what it pays in page faults and collections).
    /// </summary>
    public static StringBuilder AppendLiteral(StringBuilder text, StringBuilder value) => AppendLiteral(text, null, value, value.Length);

    // A block per thread, reused: two per checklist otherwise (the runbook's and the plan's).
    [ThreadStatic]
    private static char[]? t_block;

    // Escaped in blocks (each character is escaped on its own, never as a pair), and runs that need no
    // escape are copied whole, not a char at a time: runbooks and plans are long.
    private static StringBuilder AppendLiteral(StringBuilder text, string? source, StringBuilder? builder, int length)
    {
        text.Append('"');
        var block = t_block ??= new char[4096];
        for (var start = 0; start < length; start += block.Length)
        {
            var count = Math.Min(block.Length, length - start);
            if (source is not null)
                source.CopyTo(start, block, 0, count);
            else
                builder!.CopyTo(start, block, 0, count);
            var run = 0;
            for (var i = 0; i < count; i++)
            {
                var c = block[i];
                if (c >= ' ' && c <= '~' && c != '"' && c != '\\')
                    continue;
                text.Append(block, run, i - run);
                run = i + 1;
                AppendEscape(text, c);
            }
            text.Append(block, run, count - run);
        }
        return text.Append('"');
    }

    private static void AppendEscape(StringBuilder text, char c)
    {
        switch (c)
        {
            case '"': text.Append("\\\""); break;
            case '\\': text.Append("\\\\"); break;
            case '\n': text.Append("\\n"); break;
            case '\r': text.Append("\\r"); break;
            case '\t': text.Append("\\t"); break;
            default: text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>
    /// Appends a string literal of <paramref name="value"/>: a multi-line raw string literal, its lines
    /// indented by <paramref name="indent"/> spaces (which the compiler strips), when every character
    /// can stand in one as written; otherwise a one-line literal with escapes. Unpaired surrogates
    /// become U+FFFD: the literal is stored as UTF-8 (an attribute argument), which cannot hold them,
    /// as the runbook file written from it cannot.
    /// </summary>
    public static StringBuilder AppendRawLiteral(StringBuilder text, StringBuilder value, int indent)
    {
        if (!ReplaceLoneSurrogates(value, out var longestQuoteRun))
        {
            return AppendLiteral(text, value);
        }
        // Enough quotes that no run of them in the text closes the literal.
        var quotes = Math.Max(3, longestQuoteRun + 1);
        text.Append('"', quotes).Append('\n');
        var chars = t_lines is { } kept && kept.Length >= value.Length ? kept : t_lines = new char[Math.Max(value.Length, 16 * 1024)];
        value.CopyTo(0, chars, 0, value.Length);
        var lineStart = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && chars[i] != '\n')
                continue;
            // An empty line needs no indentation.
            if (i > lineStart)
                text.Append(' ', indent).Append(chars, lineStart, i - lineStart);
            text.Append('\n');
            lineStart = i + 1;
        }
        return text.Append(' ', indent).Append('"', quotes);
    }

    // The text being split into lines, per thread and reused (the runbook's and the plan's, per checklist).
    [ThreadStatic]
    private static char[]? t_lines;

    /// <summary>
    /// Replaces unpaired surrogates in <paramref name="value"/> with U+FFFD; tells whether a raw literal
    /// can hold the text as written (no line break but <c>\n</c>, no control character but tab) and the
    /// longest run of quotes in it.
    /// </summary>
    private static bool ReplaceLoneSurrogates(StringBuilder value, out int longestQuoteRun)
    {
        var raw = true;
        var run = 0;
        longestQuoteRun = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            run = c == '"' ? run + 1 : 0;
            longestQuoteRun = Math.Max(longestQuoteRun, run);
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                value[i] = '\uFFFD';
            else if ((c < ' ' && c != '\n' && c != '\t') || c is '\u007F' or '\u0085' or '\u2028' or '\u2029')
                raw = false;
        }
        return raw;
    }

    /// <summary>The attribute on generated types and members, naming the generator and its version.</summary>
    public static readonly string GeneratedCode =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"ChecklistDsl.Generators\", \"" + typeof(CSharpText).Assembly.GetName().Version + "\")]";

    /// <summary>The checklist class's full name as C# writes it, with <c>global::</c> (and <c>@</c> before a keyword).</summary>
    public static string GlobalName(ChecklistSpec spec) => "global::" + string.Join(".", spec.NameParts().Select(Identifier));

    /// <summary>An identifier as C# must write it: <c>@class</c> for a method named <c>class</c>.</summary>
    public static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
