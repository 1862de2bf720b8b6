// Shared source (src/Shared): compiled into the generator (CHK008, the runbook) and the CLI (the runner),
// so that the three read a command line by one rule.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ChecklistDsl.Shared;

/// <summary>A <c>{Name}</c> in a command line: Name, and where its braces start and how long they are.</summary>
internal readonly struct CommandPlaceholder
{
    public CommandPlaceholder(string name, int start, int length)
    {
        Name = name;
        Start = start;
        Length = length;
    }

    public string Name { get; }
    public int Start { get; }
    public int Length { get; }
}

/// <summary>
/// The grammar of a <c>[Command]</c> or <c>[WaitUntil]</c> line: <c>{Name}</c>, Name a C# identifier,
/// refers to an input or secret; <c>{{</c> and <c>}}</c> are literal braces; any other brace
/// (<c>awk '{print $1}'</c>) is text. Read left to right, so a doubled brace is an escape before it can
/// open a placeholder: <c>{{Name}}</c> is the text <c>{Name}</c>.
/// </summary>
internal static class CommandTemplate
{
    /// <summary>The placeholders, in order.</summary>
    public static IReadOnlyList<CommandPlaceholder> Placeholders(string template)
    {
        var found = new List<CommandPlaceholder>();
        Scan(template, null, found.Add);
        return found;
    }

    /// <summary>
    /// The line with each literal brace unescaped and each placeholder replaced by
    /// <paramref name="value"/>'s answer, or left as written (<c>{Name}</c>) when that is null.
    /// </summary>
    public static string Fill(string template, Func<string, string?> value)
    {
        var text = new StringBuilder(template.Length);
        Scan(template, text, placeholder =>
            text.Append(value(placeholder.Name) ?? template.Substring(placeholder.Start, placeholder.Length)));
        return text.ToString();
    }

    /// <summary>The line as a reader should see it: literal braces unescaped, placeholders as written.</summary>
    public static string Display(string template) => Fill(template, _ => null);

    private static void Scan(string template, StringBuilder? text, Action<CommandPlaceholder> onPlaceholder)
    {
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text?.Append(c);
                i += 2;
                continue;
            }
            if (c == '{')
            {
                var close = template.IndexOf('}', i + 1);
                if (close > i + 1)
                {
                    var name = template.Substring(i + 1, close - i - 1);
                    if (IsIdentifier(name))
                    {
                        onPlaceholder(new CommandPlaceholder(name, i, close - i + 1));
                        i = close + 1;
                        continue;
                    }
                }
            }
            text?.Append(c);
            i++;
        }
    }

    /// <summary>A C# identifier as a property is named (no <c>@</c>, no escapes).</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(name[0] == '_' || IsLetter(char.GetUnicodeCategory(name[0]))))
            return false;
        for (var i = 1; i < name.Length; i++)
        {
            var category = char.GetUnicodeCategory(name[i]);
            if (!(IsLetter(category) || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format))
                return false;
        }
        return true;
    }

    private static bool IsLetter(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
}
