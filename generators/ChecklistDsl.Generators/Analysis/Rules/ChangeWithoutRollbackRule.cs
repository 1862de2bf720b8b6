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
            if (!step.IsChanging || step.RollbackWith is not null || !string.IsNullOrWhiteSpace(step.NoRollback?.Text))
                continue;
            context.Report(DiagnosticDescriptors.ChangeWithoutRollback, step.IdentifierLocation, step.Method,
                step.Title, string.Join("', '", step.ChangedResources));
        }
    }
}
