using ChecklistDsl.Cli.Journal;

namespace ChecklistDsl.Cli.Running;

/// <summary>
/// What a failure can lead to, read from the plan and the run so far, the way the generated machine
/// chooses its rollback path: from a step, its own rollback procedure first, then those of the earlier
/// completed changes, newest first. What the failure menu offers and what the end message lists.
/// </summary>
internal static class RollbackPlan
{
    /// <summary>The steps a rollback from <paramref name="state"/> would undo, newest first (empty: a failure there aborts).</summary>
    public static IReadOnlyList<StepDefinition> StepsToUndo(RunState run, string state)
    {
        var steps = run.Definition.Steps;
        var current = steps.FirstOrDefault(s => s.Name == state);
        var rollingBack = steps.FirstOrDefault(s => s.RollbackState == state);
        // In a rollback state a failure aborts; only its Complete walks on, which is not a failure's choice.
        if (current is null || rollingBack is not null)
            return [];
        var undo = new List<StepDefinition>();
        if (current.RollbackState is not null)
            undo.Add(current);
        for (var j = current.Index - 1; j >= 0; j--)
        {
            if (steps[j].RollbackState is not null && run.Progress.IsCompleted(j))
                undo.Add(steps[j]);
        }
        return undo;
    }

    /// <summary>
    /// The changes still in place when the run stops in <paramref name="state"/>: every completed change
    /// whose rollback did not run to its end, and any change begun and not completed (it may be partly
    /// done). Each as a line for the operator and the journal.
    /// </summary>
    public static IReadOnlyList<string> ChangesInPlace(RunState run, string state)
    {
        var lines = new List<string>();
        foreach (var step in run.Definition.Steps.Where(s => s.IsChange && !run.IsUndone(s.Index)).Reverse())
        {
            var what = string.Join("; ", new[]
            {
                step.Modifies.Count > 0 ? "modified " + string.Join(", ", step.Modifies) : null,
                step.Destroys.Count > 0 ? "destroyed " + string.Join(", ", step.Destroys) : null,
            }.Where(t => t is not null));
            var note = step.RollbackState == state ? "; its rollback did not finish"
                : run.Progress.IsCompleted(step.Index) ? ""
                : run.IsTouched(step.Index) ? "; begun, not completed: may be partly done"
                : null;
            if (note is not null)
                lines.Add($"{step.Index + 1}. {step.Title} ({what}{note})");
        }
        return lines;
    }

    /// <summary>The state in words: a step by number and title, or the rollback of one.</summary>
    public static string Describe(ChecklistDefinition checklist, string state) =>
        checklist.Steps.FirstOrDefault(s => s.Name == state) is { } step
            ? $"step {step.Index + 1} '{step.Title}'"
            : checklist.Steps.FirstOrDefault(s => s.RollbackState == state) is { } undone
                ? $"the rollback of step {undone.Index + 1} '{undone.Title}'"
                : $"'{state}'";
}
