namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK004: in a production checklist, the first changing step has no [Approval] step strictly before
/// it (a step that both approves and changes does not gate itself).
/// </summary>
internal static class ChangeBeforeApprovalRule
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        if (!checklist.IsProduction)
            return;
        for (var i = 0; i < checklist.Steps.Count; i++)
        {
            var step = checklist.Steps[i];
            if (step.IsApproval && !step.IsChange)
                return;
            if (step.IsChange)
            {
                context.Report(DiagnosticDescriptors.ChangeBeforeApproval, checklist.StepLocation(i), step.MethodName,
                    step.Title, string.Join("', '", step.ChangedResources));
                return;
            }
        }
    }
}
