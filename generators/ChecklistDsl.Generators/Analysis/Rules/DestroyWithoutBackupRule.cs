using System.Collections.Immutable;
using ChecklistDsl.Generators.Analysis.Plan;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK001: a step destroys a resource that no earlier step backs up.</summary>
internal static class DestroyWithoutBackupRule
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        foreach (var step in plan.Steps)
        {
            if (step.Destroys is not { } destroys)
                continue;
            foreach (var resource in destroys.Resources)
            {
                if (BackupFinder.LatestBackupBefore(plan, step.Index, resource) is not null)
                    continue;
                // A backup that applies only under a condition does not protect a step that may run without it.
                var conditional = BackupFinder.LatestBackupBefore(plan, step.Index, resource, anyCondition: true);
                var why = conditional is null ? "" : " on every run in which it runs: step '" + conditional.Title + "' backs it up only when " + conditional.Condition!.Describe();
                context.Report(new Finding(
                    DiagnosticDescriptors.DestroyWithoutBackup, destroys.Attribute.Location, step.Method,
                    [step.Title, resource, why],
                    ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Resource, resource)));
            }
        }
    }
}

/// <summary>Which backup a destructive step relies on (shared by CHK001 and CHK005).</summary>
internal static class BackupFinder
{
    /// <summary>
    /// The latest step strictly before <paramref name="index"/> that backs up the resource on every run
    /// in which that step runs (no condition, or the same one); with <paramref name="anyCondition"/>,
    /// under any condition.
    /// </summary>
    public static PlanStep? LatestBackupBefore(ChecklistPlan plan, int index, string resource, bool anyCondition = false)
    {
        var step = plan.Steps[index];
        for (var i = index - 1; i >= 0; i--)
        {
            var backup = plan.Steps[i];
            if (backup.Backup?.Contains(resource) == true && (anyCondition || backup.AppliesWhenever(step)))
                return backup;
        }
        return null;
    }
}
