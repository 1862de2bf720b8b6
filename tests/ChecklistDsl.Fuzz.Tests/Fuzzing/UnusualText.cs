using System.Text;

namespace ChecklistDsl.Fuzz.Tests.Fuzzing;

/// <summary>Strings that have broken text handling before: empty, huge, and unusual Unicode.</summary>
internal static class UnusualText
{
    /// <summary>Pieces the fuzzer assembles strings from; each one is a known trouble maker.</summary>
    public static readonly string[] Pieces =
    [
        "", " ", "\t", "\r\n", "\n", "\r",
        "\u200F", "\u202E", "\u200E", "\u2066", // RTL mark, RTL override, LTR mark, isolate
        "e\u0301\u0308\u0323", "\u0301",         // combining marks, and one with nothing to combine with
        "\U0001F600", "\U0001D11E",              // surrogate pairs
        "\uD800", "\uDFFF", "\uDBFF\uD800",      // lone and reversed surrogates
        "\0", "\u2028", "\u2029", "\uFEFF", "\u0085", "\u001B[31m", "\u007F",
        "{", "}", "{{", "{}", "{SiteUrl}", "{Nope}", "{ Site Url }", "{0}",
        "password=hunter2", "Bearer abc.def.ghi", "AKIAABCDEFGHIJKLMNOP", "https://user:pw@host/x",
        "`", "```", "|", "<script>", "<!--", "#", "- ", "1. ", "\\", "\"", "'", "CHK001", "production",
        "00:00:00", "-1", "1.02:30:00", "99999999.00:00:00", "not a timespan",
        "x", "Step", "NotStarted", "Definition",
    ];

    /// <summary>A random string of a few pieces; now and then a huge one.</summary>
    public static string Next(Random random)
    {
        switch (random.Next(12))
        {
            case 0:
                return "";
            case 1:
                return new string('x', random.Next(10_000, 100_000));
            case 2:
                return string.Concat(Enumerable.Repeat(Pieces[random.Next(Pieces.Length)], random.Next(1_000, 20_000)));
            default:
                var text = new StringBuilder();
                for (var i = random.Next(1, 6); i > 0; i--)
                    text.Append(Pieces[random.Next(Pieces.Length)]);
                return text.ToString();
        }
    }
}
