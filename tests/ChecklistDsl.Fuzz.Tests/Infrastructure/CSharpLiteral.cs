using System.Globalization;
using System.Text;

namespace ChecklistDsl.Fuzz.Tests.Infrastructure;

/// <summary>
/// Writes any string, lone surrogates and NUL included, as a C# string literal. Written here rather
/// than borrowed from the generator, so that a bug in the generator's escaping cannot hide itself.
/// </summary>
internal static class CSharpLiteral
{
    public static string Of(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
                text.Append('\\').Append(c);
            else if (c is >= ' ' and <= '~')
                text.Append(c);
            else
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return text.Append('"').ToString();
    }
}
