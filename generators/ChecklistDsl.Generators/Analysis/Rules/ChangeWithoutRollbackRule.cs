using ChecklistDsl.Generators.Analysis.Plan;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK002: in a production checklist, a changing step has neither [RollbackWith] nor a reasoned
/// [NoRollback] (a blank reason is no reason).
/// </summary>
internal static class ChangeWithoutRollbackRule
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        if (!plan.IsProduction)
            return;
        foreach (var step in plan.Steps)
        {
            if (!step.IsChanging || !string.IsNullOrWhiteSpace(step.NoRollback?.Text))
                continue;
            var why = "";
            if (step.RollbackWith is not null)
            {
                // A rollback that applies only under a condition does not undo a change made without it.
                if (Rollback(plan, step.RollbackWith.Text) is not { Condition: not null } rollback || rollback.AppliesWhenever(step))
                    continue;
                why = " on every run in which it runs: rollback '" + rollback.Title + "' applies only when " + rollback.Condition.Describe();
            }
            context.Report(DiagnosticDescriptors.ChangeWithoutRollback, step.IdentifierLocation, step.Method,
                step.Title, string.Join("', '", step.ChangedResources), why);
        }
    }

    private static PlanMethod? Rollback(ChecklistPlan plan, string? name)
    {
        foreach (var rollback in plan.Rollbacks)
        {
            if (rollback.Method.Name == name)
                return rollback;
        }
        return null;
    }
}
