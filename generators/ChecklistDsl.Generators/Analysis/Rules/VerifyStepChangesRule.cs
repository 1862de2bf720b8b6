using ChecklistDsl.Generators.Dsl;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK007: a [Verifies] step also modifies or destroys something.</summary>
internal static class VerifyStepChangesRule
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        for (var i = 0; i < checklist.Steps.Count; i++)
        {
            var step = checklist.Steps[i];
            if (step.Verifies.Count == 0 || !step.IsChange)
                continue;
            var verb = step.Destroys.Count > 0 ? "destroys" : "modifies";
            var changed = step.Destroys.Count > 0 ? step.Destroys : step.Modifies;
            context.Report(DiagnosticDescriptors.VerifyStepChanges, checklist.StepAttribute(i, KnownNames.Verifies), step.MethodName,
                step.Title, string.Join("', '", step.Verifies), verb, string.Join("', '", changed));
        }
    }
}
