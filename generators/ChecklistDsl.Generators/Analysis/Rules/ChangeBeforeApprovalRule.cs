using ChecklistDsl.Generators.Analysis.Plan;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK004: in a production checklist, the first changing step has no [Approval] step strictly before
/// it (a step that both approves and changes does not gate itself).
/// </summary>
internal static class ChangeBeforeApprovalRule
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        if (!plan.IsProduction)
            return;
        foreach (var step in plan.Steps)
        {
            if (step.Approval is not null && !step.IsChanging)
                return;
            if (step.IsChanging)
            {
                context.Report(DiagnosticDescriptors.ChangeBeforeApproval, step.IdentifierLocation, step.Method,
                    step.Title, string.Join("', '", step.ChangedResources));
                return;
            }
        }
    }
}
