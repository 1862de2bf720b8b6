using System.Linq;
using System.Text;

namespace ChecklistDsl.Generators.Generation.Emitters;

/// <summary>
/// Puts an author's text into Markdown so that it renders as exactly that text: no raw HTML, links,
/// emphasis, headings, list items or table cells can come out of a user string.
/// </summary>
internal static class MarkdownText
{
    /// <summary>
    /// One line of inline text (for titles, checks, table cells): line breaks become spaces, and every
    /// character Markdown could read as syntax is backslash-escaped.
    /// </summary>
    public static string Inline(string text) => NeedsNoEscape(text) ? EscapeLineStart(text) : Escaped(text);

    // Every character Escaped changes (or may: '+' and '='), found with one search of the string.
    private static readonly char[] Changed = { '\r', '\n', '{', '}', '\\', '`', '*', '_', '[', ']', '<', '>', '|', '&', '~', '#', '!', '$', '^', '+', '=' };

    /// <summary>
    /// Whether <see cref="Escaped"/> would leave the text as it is but for its line start: most titles,
    /// checks and resources. One search of the string instead of a character-by-character rewrite,
    /// which in a fresh compiler process runs unoptimized over every author's text.
    /// </summary>
    internal static bool NeedsNoEscape(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1]) || text.IndexOfAny(Changed) >= 0)
            return false;
        foreach (var c in text)
        {
            if (c >= '\uD800' && c <= '\uDFFF')
                return false; // WellFormed's business
        }
        return true;
    }

    /// <summary><see cref="Inline"/>, character by character.</summary>
    internal static string Escaped(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        var chars = WellFormed(text);
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            switch (c)
            {
                case '\r':
                case '\n':
                    result.Append(' ');
                    break;
                case '{':
                    result.Append("&#123;"); // an entity, not \{: attribute syntax ({.class}) ignores backslashes
                    break;
                case '}':
                    result.Append("&#125;");
                    break;
                case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
                case '|': case '&': case '~': case '#': case '!': case '$':
                case '^': // superscript (emphasis extras)
                    result.Append('\\').Append(c);
                    break;
                case '+': // ++inserted++ and ==marked== (emphasis extras); a lone one is plain text (at a line start, see EscapeLineStart)
                case '=':
                    if ((i > 0 && chars[i - 1] == c) || (i + 1 < chars.Length && chars[i + 1] == c))
                        result.Append('\\');
                    result.Append(c);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }
        return EscapeLineStart(result.ToString().Trim());
    }

    /// <summary>
    /// A block of text whose line breaks are kept (for instructions): each line escaped as
    /// <see cref="Inline"/>, joined with hard line breaks.
    /// </summary>
    public static string Block(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var result = new StringBuilder();
        var pending = false;
        foreach (var raw in lines)
        {
            var line = Inline(raw);
            if (line.Length == 0)
                continue;
            if (pending)
                result.Append("\\\n"); // a backslash at the end of a line is a hard line break
            result.Append(line);
            pending = true;
        }
        return result.ToString();
    }

    /// <summary>A fenced code block whose fence is longer than any run of backticks inside.</summary>
    public static string Fence(string code, string info)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in code)
        {
            run = c == '`' ? run + 1 : 0;
            if (run > longest)
                longest = run;
        }
        var fence = new string('`', longest < 3 ? 3 : longest + 1);
        var body = WellFormed(code).Replace("\r\n", "\n").Replace('\r', '\n');
        return fence + info + "\n" + body + "\n" + fence;
    }

    private static bool IsListNumber(string marker) =>
        marker.All(char.IsDigit) || marker.Length == 1 || marker.All(c => "ivxlcdmIVXLCDM".IndexOf(c) >= 0);

    /// <summary>
    /// The text with each unpaired surrogate replaced by U+FFFD: it cannot be written as UTF-8, and
    /// Markdown tools that normalize text (heading identifiers) throw on it.
    /// </summary>
    private static string WellFormed(string text)
    {
        StringBuilder? result = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c) ? i > 0 && char.IsHighSurrogate(text[i - 1])
                : true;
            if (!paired)
                (result ??= new StringBuilder(text, 0, i, text.Length)).Append('\uFFFD');
            else
                result?.Append(c);
        }
        return result?.ToString() ?? text;
    }

    /// <summary>Escapes what would start a block at the beginning of a line and is not escaped everywhere: "-", "+", "=", ":", and ordered list markers.</summary>
    private static string EscapeLineStart(string line)
    {
        if (line.Length == 0)
            return line;
        if (line[0] is '-' or '+' or '=' or ':') // a list item or setext underline; a custom container (:::) or definition (: ) in extended Markdown
            return "\\" + line;
        // "1." or "1)", and in extended Markdown "a.", "B)" or "iv." (ordered list markers), each followed
        // by a space or the end of the line: "join.php" or "3.5" starts no list and stays as written.
        var marker = 0;
        while (marker < line.Length && (char.IsDigit(line[marker]) || line[marker] is >= 'a' and <= 'z' or >= 'A' and <= 'Z'))
            marker++;
        if (marker > 0 && marker < line.Length && line[marker] is '.' or ')'
            && (marker + 1 == line.Length || line[marker + 1] is ' ' or '\t')
            && IsListNumber(line.Substring(0, marker)))
            return line.Substring(0, marker) + "\\" + line.Substring(marker);
        return line;
    }
}
