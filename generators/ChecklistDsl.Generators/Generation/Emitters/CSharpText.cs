using System.Globalization;
using System.Text;

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
        var text = new StringBuilder(value.Length + value.Length / 8 + 2);
        text.Append('"');
        // Runs that need no escape are copied whole, not a char at a time: runbooks and plans are long.
        var run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= ' ' && c <= '~' && c != '"' && c != '\\')
                continue;
            text.Append(value, run, i - run);
            run = i + 1;
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
        text.Append(value, run, value.Length - run);
        return text.Append('"').ToString();
    }

    /// <summary>An identifier as C# must write it: <c>@class</c> for a method named <c>class</c>.</summary>
    public static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
