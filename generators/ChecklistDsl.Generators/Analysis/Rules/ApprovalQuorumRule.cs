using ChecklistDsl.Generators.Analysis.Plan;
using ChecklistDsl.Generators.Generation.Parsing;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK015: an [Approval] whose Required is below 1: a gate that nobody would need to approve. Reported on
/// the attribute; the generator leaves such a checklist out, as for every error that makes it unrunnable.
/// </summary>
internal static class ApprovalQuorumRule
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        foreach (var step in plan.Steps)
        {
            if (step.Approval is { } approval && AttributeReader.NamedInt(approval.Data, "Required") is { } required && required < 1)
                context.Report(DiagnosticDescriptors.ApprovalQuorumBelowOne, approval.Location, step.Method, step.Title, required);
        }
    }
}
