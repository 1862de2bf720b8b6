using ChecklistDsl.Generators.Dsl;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK003: [RollbackWith] names no method, or a method that is not marked [Rollback].</summary>
internal static class RollbackWithNotARollbackRule
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        for (var i = 0; i < checklist.Steps.Count; i++)
        {
            var step = checklist.Steps[i];
            if (step.RollbackWith is not { } name)
                continue;
            string? problem;
            if (name.Length == 0)
                problem = "which names no method";
            else if (checklist.Rollback(name) is not null)
                problem = null;
            else if (!checklist.Sources.Type.GetMembers(name).IsEmpty)
                problem = "which is not marked [Rollback]";
            else
                problem = "which is not a method of this class";
            if (problem is not null)
                context.Report(DiagnosticDescriptors.RollbackWithNotARollback, checklist.StepAttribute(i, KnownNames.RollbackWith), step.MethodName, step.Title, name, problem);
        }
    }
}
