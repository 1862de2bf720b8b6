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
                context.Report(new Finding(
                    DiagnosticDescriptors.DestroyWithoutBackup, destroys.Attribute.Location, step.Method,
                    [step.Title, resource],
                    ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Resource, resource)));
            }
        }
    }
}

/// <summary>Which backup a destructive step relies on (shared by CHK001 and CHK005).</summary>
internal static class BackupFinder
{
    /// <summary>The latest step strictly before <paramref name="index"/> that backs up the resource.</summary>
    public static PlanStep? LatestBackupBefore(ChecklistPlan plan, int index, string resource)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (plan.Steps[i].Backup?.Contains(resource) == true)
                return plan.Steps[i];
        }
        return null;
    }
}
