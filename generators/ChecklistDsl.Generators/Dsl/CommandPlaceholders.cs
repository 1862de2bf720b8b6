using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>A <c>{Name}</c> in a command line: Name, and where the braces start and how long they are.</summary>
internal readonly struct Placeholder
{
    public Placeholder(string name, int start, int length)
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
/// The placeholders of a [Command] line: <c>{Name}</c> where Name is an identifier. <c>{{</c> and
/// <c>}}</c> are literal braces; braces around anything else (<c>awk '{print $1}'</c>) are left alone.
/// </summary>
internal static class CommandPlaceholders
{
    public static IEnumerable<Placeholder> Parse(string line)
    {
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if ((c == '{' || c == '}') && i + 1 < line.Length && line[i + 1] == c)
            {
                i += 2;
                continue;
            }
            if (c == '{')
            {
                var close = line.IndexOf('}', i + 1);
                if (close > i + 1)
                {
                    var name = line.Substring(i + 1, close - i - 1);
                    if (SyntaxFacts.IsValidIdentifier(name))
                    {
                        yield return new Placeholder(name, i, close - i + 1);
                        i = close + 1;
                        continue;
                    }
                }
            }
            i++;
        }
    }
}
