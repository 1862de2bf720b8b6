using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ChecklistDsl.Generators.Dsl.Model;
using ChecklistDsl.Generators.Generation.Machine;

namespace ChecklistDsl.Generators.Generation.Emitters;

/// <summary>
/// Draws the machine as a Mermaid <c>stateDiagram-v2</c>: every transition of the generated machine
/// (a test holds them to Stateless's <c>GetInfo()</c>) except the unguarded <c>Abort</c> and
/// <c>Fail</c> edges into <c>Aborted</c>, which one note on <c>Aborted</c> states instead: drawn,
/// a 60-step checklist had 120 edges into that one node. Then the state descriptions (the titles).
/// </summary>
internal static class MermaidEmitter
{
    /// <summary>Appends the diagram, each line ending in a line feed.</summary>
    public static void Diagram(StringBuilder text, ChecklistSpec spec, MachineLayout plan)
    {
        text.Append("stateDiagram-v2\n");
        text.Append("    [*] --> ").Append(MachineLayout.NotStarted).Append('\n');
        foreach (var state in plan.States)
        {
            foreach (var transition in state.Transitions)
            {
                if (IsFoldedIntoNote(transition))
                    continue;
                text.Append("    ").Append(state.Name).Append(" --> ").Append(transition.Destination)
                    .Append(" : ").Append(transition.Trigger);
                if (transition.Guards.Count > 0)
                    text.Append(" [").Append(string.Join(" and ", transition.Guards.Select(g => g.Description))).Append(']');
                text.Append('\n');
            }
        }
        text.Append("    note left of ").Append(MachineLayout.Aborted).Append('\n');
        foreach (var line in AbortedNote)
            text.Append("        ").Append(line).Append('\n');
        text.Append("    end note\n");
        for (var i = 0; i < spec.Steps.Count; i++)
        {
            var step = spec.Steps[i];
            text.Append("    ").Append(step.MethodName).Append(" : ")
                .Append(Label((i + 1).ToString(CultureInfo.InvariantCulture) + ". " + step.Title)).Append('\n');
        }
        for (var i = 0; i < spec.Steps.Count; i++)
        {
            if (plan.RollbackStates[i] is not { } state)
                continue;
            var rollback = spec.Rollbacks.First(r => r.MethodName == spec.Steps[i].RollbackWith);
            text.Append("    ").Append(state).Append(" : ").Append(Label("R" + (IndexOf(spec, rollback) + 1).ToString(CultureInfo.InvariantCulture) + ". " + rollback.Title)).Append('\n');
        }
        // Steps that apply only under a condition are drawn dashed (stateDiagram-v2 has no dashed edges).
        var conditional = new List<string>();
        foreach (var step in spec.Steps)
        {
            if (step.Condition is not null)
                conditional.Add(step.MethodName);
        }
        if (conditional.Count > 0)
        {
            text.Append("    classDef conditional stroke-dasharray: 5 5\n");
            text.Append("    class ").Append(string.Join(",", conditional)).Append(" conditional\n");
        }
    }

    /// <summary>The note that stands for the edges <see cref="IsFoldedIntoNote"/> leaves out.</summary>
    internal static readonly string[] AbortedNote =
    {
        "Abort from any step or rollback",
        "Fail from any step or rollback without a Fail edge drawn",
    };

    private static bool IsFoldedIntoNote(Transition transition) =>
        transition.Destination == MachineLayout.Aborted && transition.Guards.Count == 0 && transition.Trigger is Shared.TriggerNames.Abort or Shared.TriggerNames.Fail;

    private static int IndexOf(ChecklistSpec spec, RollbackSpec rollback)
    {
        for (var r = 0; r < spec.Rollbacks.Count; r++)
        {
            if (spec.Rollbacks[r] == rollback)
                return r;
        }
        return -1;
    }

    /// <summary>
    /// Mermaid reads <c>#</c>, <c>;</c>, quotes, brackets and angle brackets in labels as syntax;
    /// everything but letters, digits, spaces and plain punctuation becomes an entity code.
    /// </summary>
    internal static string Label(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\t')
                result.Append(' ');
            else if (c < 128 && (char.IsLetterOrDigit(c) || c is ' ' or '.' or ',' or '-' or '\'' or '(' or ')' or '/' or '+' or '?' or '!'))
                result.Append(c);
            else
            {
                // A code point, not a UTF-16 half: an emoji is one entity.
                var codePoint = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                    ? char.ConvertToUtf32(c, text[++i])
                    : c;
                result.Append('#').Append(codePoint.ToString(CultureInfo.InvariantCulture)).Append(';');
            }
        }
        return result.ToString();
    }
}
