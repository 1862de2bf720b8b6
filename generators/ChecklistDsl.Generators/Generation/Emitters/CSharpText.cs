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
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ' || c > '~')
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    /// <summary>An identifier as C# must write it: <c>@class</c> for a method named <c>class</c>.</summary>
    public static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
