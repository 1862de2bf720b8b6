// Shared source (src/Shared): the generator writes the placeholder in the runbook it stores; the runtime
// (ChecklistDefinition.Markdown) and the runbook reader (src/ChecklistDsl.Runbooks) draw the diagram in
// its place. Kept to what netstandard2.0 has, as the generator compiles every file here.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ChecklistDsl.Shared;

/// <summary>
/// The runbook's state diagram: a Mermaid <c>stateDiagram-v2</c> drawn from the machine table and the
/// plan's step and rollback titles when the runbook is read. The runbook the generator stores holds
/// <see cref="Placeholder"/> in the diagram's fence instead, because the diagram repeats what the table
/// and the plan already store (it was a fifth of the generated text).
/// </summary>
/// <remarks>
/// Every transition of the table is drawn (a test holds them to Stateless's <c>GetInfo()</c>) except
/// the unguarded <c>Abort</c> and <c>Fail</c> edges into <c>Aborted</c>, which one note states instead:
/// drawn, a 60-step checklist had 120 edges into that one node. Then the state descriptions (numbered
/// titles), and conditional steps drawn dashed.
/// </remarks>
internal static class RunbookDiagram
{
    /// <summary>The line the generator writes where the diagram goes: a Mermaid comment, so the stored runbook still renders.</summary>
    public const string Placeholder = "%% The diagram is drawn here from the machine table when the runbook is read.";

    /// <summary>The fenced block the generator writes at the end of the runbook.</summary>
    public const string PlaceholderBlock = "```mermaid\n" + Placeholder + "\n```\n";

    /// <summary>A step as the diagram needs it, in plan order.</summary>
    /// <param name="name">Its state (the method's name).</param>
    /// <param name="title">Its title.</param>
    /// <param name="isConditional">It applies only when an input says so.</param>
    /// <param name="rollbackName">The rollback procedure that undoes it, if any.</param>
    /// <param name="rollbackState">The state that rollback runs in for this step, if any.</param>
    public sealed class Step(string name, string title, bool isConditional, string? rollbackName, string? rollbackState)
    {
        public string Name { get; } = name;
        public string Title { get; } = title;
        public bool IsConditional { get; } = isConditional;
        public string? RollbackName { get; } = rollbackName;
        public string? RollbackState { get; } = rollbackState;
    }

    /// <summary>A rollback procedure, in plan order (its number is its position).</summary>
    public sealed class Rollback(string name, string title)
    {
        public string Name { get; } = name;
        public string Title { get; } = title;
    }

    /// <summary>Whether <paramref name="runbook"/> still holds the placeholder block.</summary>
    public static bool HasPlaceholder(string runbook) => runbook.LastIndexOf(PlaceholderBlock, StringComparison.Ordinal) >= 0;

    /// <summary>
    /// <paramref name="runbook"/> with its placeholder block replaced by the drawn diagram; the runbook
    /// itself when it has none (written by hand, or already drawn).
    /// </summary>
    /// <exception cref="FormatException">The table is not a machine table over <paramref name="steps"/>.</exception>
    public static string Complete(string runbook, string machineTable, IReadOnlyList<Step> steps, IReadOnlyList<Rollback> rollbacks)
    {
        // The last: the diagram is the runbook's last section, after every text an author wrote.
        var at = runbook.LastIndexOf(PlaceholderBlock, StringComparison.Ordinal);
        if (at < 0)
            return runbook;
        var text = new StringBuilder(runbook.Length + 200 * steps.Count);
        text.Append(runbook, 0, at).Append("```mermaid\n");
        Draw(text, machineTable, steps, rollbacks);
        text.Append("```\n");
        var after = at + PlaceholderBlock.Length;
        text.Append(runbook, after, runbook.Length - after);
        return text.ToString();
    }

    /// <summary>Appends the diagram, each line ending in a line feed.</summary>
    /// <exception cref="FormatException">The table is not a machine table over <paramref name="steps"/>.</exception>
    public static void Draw(StringBuilder text, string machineTable, IReadOnlyList<Step> steps, IReadOnlyList<Rollback> rollbacks)
    {
        text.Append("stateDiagram-v2\n");
        text.Append("    [*] --> ").Append(ReservedStateNames.NotStarted).Append('\n');
        foreach (var rawLine in machineTable.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
                continue;
            var colon = line.IndexOf(':');
            if (colon <= 0)
                throw Malformed(line, "expected 'State: trigger destination guard*; ...'");
            var state = line.Substring(0, colon);
            foreach (var entry in line.Substring(colon + 1).Split(';'))
            {
                var fields = entry.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length == 0)
                    continue;
                if (fields.Length < 2)
                    throw Malformed(entry, "expected 'trigger destination guard*'");
                if (IsFoldedIntoNote(fields))
                    continue;
                text.Append("    ").Append(state).Append(" --> ").Append(fields[1]).Append(" : ").Append(fields[0]);
                for (var g = 2; g < fields.Length; g++)
                    text.Append(g == 2 ? " [" : " and ").Append(Describe(fields[g], steps, entry));
                text.Append(fields.Length > 2 ? "]\n" : "\n");
            }
        }
        text.Append("    note left of ").Append(ReservedStateNames.Aborted).Append('\n');
        foreach (var line in AbortedNote)
            text.Append("        ").Append(line).Append('\n');
        text.Append("    end note\n");
        for (var i = 0; i < steps.Count; i++)
            text.Append("    ").Append(steps[i].Name).Append(" : ").Append(Label((i + 1).ToString(CultureInfo.InvariantCulture) + ". " + steps[i].Title)).Append('\n');
        foreach (var step in steps)
        {
            if (step.RollbackState is not { } state)
                continue;
            var number = IndexOf(rollbacks, step.RollbackName);
            if (number < 0)
                throw new FormatException($"'{step.Name}' is undone by '{step.RollbackName}', which the plan does not list.");
            text.Append("    ").Append(state).Append(" : ")
                .Append(Label("R" + (number + 1).ToString(CultureInfo.InvariantCulture) + ". " + rollbacks[number].Title)).Append('\n');
        }
        // Steps that apply only under a condition are drawn dashed (stateDiagram-v2 has no dashed edges).
        var conditional = new List<string>();
        foreach (var step in steps)
        {
            if (step.IsConditional)
                conditional.Add(step.Name);
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

    private static bool IsFoldedIntoNote(string[] fields) =>
        fields.Length == 2 && fields[1] == ReservedStateNames.Aborted && fields[0] is TriggerNames.Abort or TriggerNames.Fail;

    /// <summary>A guard's words: <c>T0</c> is "all checks ticked", <c>C3</c> "Backup completed".</summary>
    private static string Describe(string guard, IReadOnlyList<Step> steps, string entry)
    {
        if (guard.Length < 2 || !int.TryParse(guard.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= steps.Count)
            throw Malformed(entry, $"'{guard}' is not a guard over one of {steps.Count} steps");
        return guard[0] switch
        {
            MachineGuards.ChecksTicked => MachineGuards.ChecksTickedText,
            MachineGuards.Approved => MachineGuards.ApprovedText,
            MachineGuards.Completed => MachineGuards.CompletedText(steps[index].Name),
            MachineGuards.NotCompleted => MachineGuards.NotCompletedText(steps[index].Name),
            _ => throw Malformed(entry, $"'{guard}' is not a guard (T, A, C or N and a step index)"),
        };
    }

    private static int IndexOf(IReadOnlyList<Rollback> rollbacks, string? name)
    {
        for (var r = 0; r < rollbacks.Count; r++)
        {
            if (rollbacks[r].Name == name)
                return r;
        }
        return -1;
    }

    private static FormatException Malformed(string entry, string why) =>
        new($"'{entry.Trim()}' is not a machine table entry: {why}.");

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
