using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>The tool's consoles: standard output for the work, standard error for problems.</summary>
internal static class Terminal
{
    private static readonly Lazy<IAnsiConsole> OutConsole = new(() => Create(Console.Out, Console.IsOutputRedirected));
    private static readonly Lazy<IAnsiConsole> ErrorConsole = new(() => Create(Console.Error, Console.IsErrorRedirected));

    public static IAnsiConsole Out => OutConsole.Value;
    public static IAnsiConsole Error => ErrorConsole.Value;

    /// <summary>Whether a person can answer prompts (standard input is a terminal).</summary>
    public static bool IsInteractive => !Console.IsInputRedirected;

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        // Redirected output goes to logs and scripts: plain text, and no wrapping at an imaginary 80 columns.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected)
            console.Profile.Width = 10_000;
        return console;
    }
}
