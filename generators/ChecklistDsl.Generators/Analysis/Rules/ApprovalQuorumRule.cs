using ChecklistDsl.Generators.Dsl;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK015: an [Approval] whose Required is below 1: a gate that nobody would need to approve. Reported on
/// the attribute; the generator leaves such a checklist out (SkipReason.ApprovalQuorumBelowOne), as for
/// every error that makes it unrunnable.
/// </summary>
internal static class ApprovalQuorumRule
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        for (var i = 0; i < checklist.Steps.Count; i++)
        {
            var step = checklist.Steps[i];
            if (step.IsApproval && step.ApprovalsRequired < 1)
                context.Report(DiagnosticDescriptors.ApprovalQuorumBelowOne, checklist.StepAttribute(i, KnownNames.Approval), step.MethodName, step.Title, step.ApprovalsRequired);
        }
    }
}
