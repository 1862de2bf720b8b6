using ChecklistDsl.Shared;

namespace ChecklistDsl.Runbooks;

/// <summary>
/// Draws a stored runbook's state diagram from the other two texts of its <c>[ChecklistData]</c>: the
/// plan (step and rollback names and titles, and which steps are conditional) and the machine table.
/// The runtime draws the same diagram from its parsed definition (<c>ChecklistDefinition.Markdown</c>).
/// </summary>
internal static class RunbookDiagramData
{
    /// <summary>The runbook with its diagram drawn in place of the placeholder.</summary>
    /// <exception cref="FormatException">The plan or the table cannot be read, or do not agree.</exception>
    public static string Draw(string runbook, (string? Plan, string? Machine) data)
    {
        if (data.Plan is null || data.Machine is null)
            throw new FormatException("the [ChecklistData] has no plan or no machine table");
        var root = new PlanJson(data.Plan).ReadDocument();
        var steps = new List<RunbookDiagram.Step>();
        foreach (var step in Objects(root, "steps"))
            steps.Add(new RunbookDiagram.Step(Text(step, "name")!, Text(step, "title")!, step.ContainsKey("when"), Text(step, "rollbackName", optional: true), Text(step, "rollbackState", optional: true) ?? Text(step, "rollbackName", optional: true)));
        var rollbacks = new List<RunbookDiagram.Rollback>();
        foreach (var rollback in Objects(root, "rollbacks"))
            rollbacks.Add(new RunbookDiagram.Rollback(Text(rollback, "name")!, Text(rollback, "title")!));
        return RunbookDiagram.Complete(runbook, data.Machine, steps, rollbacks);
    }

    private static IEnumerable<Dictionary<string, object?>> Objects(Dictionary<string, object?> element, string name)
    {
        if (!element.TryGetValue(name, out var value))
            yield break;
        foreach (var item in value as List<object?> ?? throw new FormatException($"'{name}' is not an array"))
            yield return item as Dictionary<string, object?> ?? throw new FormatException($"'{name}' holds something other than objects");
    }

    private static string? Text(Dictionary<string, object?> element, string name, bool optional = false) =>
        element.TryGetValue(name, out var value) && value is not null
            ? value as string ?? throw new FormatException($"'{name}' is not a string")
            : optional ? null : throw new FormatException($"'{name}' is missing");
}
