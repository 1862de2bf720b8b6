using Spectre.Console;

namespace ChecklistDsl.Cli.Rendering;

/// <summary>Console output that reads well both in a terminal and in a log.</summary>
internal static class ConsoleExtensions
{
    /// <summary>A heading: a full-width rule in a terminal, a short line in redirected output (which has no width).</summary>
    public static void Heading(this IAnsiConsole console, string markup)
    {
        if (console.Profile.Capabilities.Ansi)
            console.Write(new Rule(markup).LeftJustified());
        else
            console.MarkupLine($"── {markup} ──");
    }
}
