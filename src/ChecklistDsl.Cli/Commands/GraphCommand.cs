using System.CommandLine;
using ChecklistDsl.Cli.Rendering;

namespace ChecklistDsl.Cli.Commands;

/// <summary><c>checklist graph NAME</c>: the Mermaid state diagram from the runbook.</summary>
internal static class GraphCommand
{
    public static Command Create()
    {
        var name = CommonOptions.ChecklistName();
        var command = new Command("graph", "Print the checklist's state machine as a Mermaid diagram.") { name };
        var source = new ChecklistSourceOptions().AddTo(command);
        command.SetAction(result =>
        {
            using var loaded = source.Load(result);
            var checklist = loaded.Find(result.GetValue(name)!);
            var diagram = MarkdownConsoleRenderer.MermaidOf(checklist.Markdown)
                ?? throw new CliException($"The runbook of '{checklist.Name}' has no mermaid diagram.");
            Terminal.Out.Profile.Out.Writer.Write(diagram);
            return ExitCodes.Completed;
        });
        return command;
    }
}
