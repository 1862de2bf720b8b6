using System.Text;

namespace ChecklistDsl.Fuzz.Tests.Markdown;

/// <summary>
/// Random author text, weighted toward what Markdown (and Mermaid) read as syntax: pipes, backtick runs,
/// raw HTML and comments, links, block starters, emphasis, entities, escapes, line breaks, tabs and
/// unusual Unicode; with plain words in between so the pieces land mid-line as well as at line starts.
/// </summary>
internal static class HostileText
{
    /// <summary>The pieces the issue lists, and their relatives.</summary>
    public static readonly string[] Dangerous =
    [
        "|", "||", "`", "``", "```", "````", "`````", "``````", "~~~", "<script>", "</script>", "<script>alert(1)</script>",
        "<!--", "-->", "<!-- hidden -->", "[x](javascript:alert(1))", "[x]: javascript:alert(1)", "<javascript:alert(1)>", "![i](x.png)",
        "<http://example.com>", "<a href=\"x\">", "<div>", "<b>", "#", "##", "- ", "-", "+ ", ">", "> ", "1.", "1. ", "1)", "12) ",
        "*", "**", "_", "__", "~", "~~", "&amp;", "&", "&#35;", "&lt;", "\\", "\\\\", "{", "}", "{#id}", "{.class}", "[", "]", "[ ]", "- [ ] ",
        "\n", "\r\n", "\r", "\n\n", "\t", "    ", "  ", " ", "=", "===", "---", "***", "$", "$$", ":::", ": ", ":", ";", "^", "[^1]", "\"", "'",
        "(", ")", "!", "@", "%", "#59;", "a.", "i)", "+++", "|---|",
    ];

    public static readonly string[] Unusual =
    [
        "é", "e\u0301", "\U0001F600", "\u202E", "\u200F", "\u2028", "\u2029", "\u00A0", "\u0085", "\0", "\uFEFF", "\uD800", "日本", "ß",
    ];

    private static readonly string[] Plain = ["a", "b", "word", "Deploy", "42", "x y", "the site", "db"];

    public static string Next(Random random, int maxPieces = 8)
    {
        var text = new StringBuilder();
        for (var i = random.Next(1, maxPieces + 1); i > 0; i--)
        {
            var roll = random.Next(10);
            var pieces = roll < 6 ? Dangerous : roll < 8 ? Plain : Unusual;
            text.Append(pieces[random.Next(pieces.Length)]);
        }
        return text.ToString();
    }

    /// <summary>Text that is not blank once trimmed (a blank title falls back to the method name).</summary>
    public static string NextNonBlank(Random random) => NonBlank(Next(random));

    public static string NonBlank(string text) => text.Trim().Length == 0 ? text + "w" : text;
}
