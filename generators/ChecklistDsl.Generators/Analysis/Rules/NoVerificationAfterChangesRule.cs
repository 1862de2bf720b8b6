using ChecklistDsl.Generators.Analysis.Plan;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK006: there are changing steps but no [Verifies] step after the last of them.</summary>
internal static class NoVerificationAfterChangesRule
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        PlanStep? lastChange = null;
        foreach (var step in plan.Steps)
        {
            if (step.IsChanging)
                lastChange = step;
        }
        if (lastChange is null)
            return;
        for (var i = lastChange.Index + 1; i < plan.Steps.Length; i++)
        {
            if (plan.Steps[i].Verifies is not null)
                return;
        }
        context.Report(DiagnosticDescriptors.NoVerificationAfterChanges, lastChange.IdentifierLocation, lastChange.Method,
            lastChange.Title, string.Join("', '", lastChange.ChangedResources), string.Join("\", \"", lastChange.ChangedResources));
    }
}
