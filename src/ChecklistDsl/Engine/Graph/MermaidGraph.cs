using System.Globalization;
using System.Text;
using ChecklistDsl.Engine.Reflection;

namespace ChecklistDsl.Engine.Graph;

/// <summary>
/// Writes a state machine's configuration as a Mermaid state diagram. The generator emits the same
/// text at compile time for the runbook, so the format is fixed: LF line ends, four-space indent,
/// one line per transition.
/// </summary>
public static class MermaidGraph
{
    /// <summary>
    /// Formats <paramref name="info"/>: <c>stateDiagram-v2</c>, <c>[*] --> Initial</c>, then
    /// <c>A --> B : Trigger</c> per transition, with <c> [guard and guard]</c> when guarded.
    /// </summary>
    public static string Format(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var text = new StringBuilder();
        text.Append("stateDiagram-v2\n");
        text.Append(CultureInfo.InvariantCulture, $"    [*] --> {info.InitialState}\n");
        foreach (var state in info.States)
        {
            foreach (var transition in state.Transitions)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {state} --> {transition.DestinationState} : {transition.Trigger}");
                if (transition.GuardDescriptions.Count > 0)
                    text.Append(" [").Append(string.Join(" and ", transition.GuardDescriptions)).Append(']');
                text.Append('\n');
            }
        }
        return text.ToString();
    }
}
