using System.CommandLine;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// <c>checklist graph NAME [--format mermaid|dot]</c>: the live state machine, drawn by Stateless
/// (<c>MermaidGraph</c>, <c>UmlDotGraph</c>) from its <c>GetInfo()</c>. The runbook's own diagram is
/// drawn from the generated machine table and leaves out the per-state Abort edges; this one shows every transition.
/// </summary>
internal static class GraphCommand
{
    public static Command Create()
    {
        var name = CommonOptions.ChecklistName();
        var format = new Option<string>("--format")
        {
            Description = "mermaid (a stateDiagram-v2) or dot (Graphviz).",
            DefaultValueFactory = _ => "mermaid",
        };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var command = new Command("graph", "Print the checklist's state machine, as Stateless draws it.") { name, format };
        var source = new ChecklistSourceOptions().AddTo(command);
        command.SetAction(result =>
        {
            using var loaded = source.Load(result);
            var checklist = loaded.Find(result.GetValue(name)!);
            var machine = checklist.CreateMachine(new ChecklistProgress(checklist), ChecklistMachine.NotStarted);
            var graph = result.GetValue(format) == "dot" ? machine.ToDotGraph() : machine.ToMermaidGraph();
            Terminal.Out.Profile.Out.Writer.Write(graph.EndsWith('\n') ? graph : graph + "\n");
            return ExitCodes.Completed;
        });
        return command;
    }
}
