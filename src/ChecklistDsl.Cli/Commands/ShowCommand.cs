using System.CommandLine;
using ChecklistDsl.Cli.Rendering;

namespace ChecklistDsl.Cli.Commands;

/// <summary><c>checklist show NAME</c>: the generated runbook, rendered in the terminal.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var name = CommonOptions.ChecklistName();
        var raw = new Option<bool>("--markdown") { Description = "Print the Markdown source instead of rendering it." };
        var command = new Command("show", "Show a checklist's runbook.") { name, raw };
        var source = new ChecklistSourceOptions().AddTo(command);
        command.SetAction(result =>
        {
            using var loaded = source.Load(result);
            var checklist = loaded.Find(result.GetValue(name)!);
            if (result.GetValue(raw))
                Terminal.Out.Profile.Out.Writer.Write(checklist.Markdown);
            else
                MarkdownConsoleRenderer.Render(Terminal.Out, checklist.Markdown);
            return ExitCodes.Completed;
        });
        return command;
    }
}
