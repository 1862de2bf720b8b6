using ChecklistDsl.Generators.Analysis.Plan;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK007: a [Verifies] step also modifies or destroys something.</summary>
internal static class VerifyStepChangesRule
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        foreach (var step in plan.Steps)
        {
            if (step.Verifies is not { } verifies || !step.IsChanging)
                continue;
            var verb = step.Destroys?.Resources.Length > 0 ? "destroys" : "modifies";
            var changed = step.Destroys?.Resources.Length > 0 ? step.Destroys.Resources : step.Modifies!.Resources;
            context.Report(DiagnosticDescriptors.VerifyStepChanges, verifies.Attribute.Location, step.Method,
                step.Title, string.Join("', '", verifies.Resources), verb, string.Join("', '", changed));
        }
    }
}
