using System.Linq;
using ChecklistDsl.Generators.Analysis.Plan;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK003: [RollbackWith] names no method, or a method that is not marked [Rollback].</summary>
internal static class RollbackWithNotARollbackRule
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        foreach (var step in plan.Steps)
        {
            if (step.RollbackWith is not { } rollbackWith)
                continue;
            var name = rollbackWith.Text?.Trim() ?? "";
            string? problem;
            if (name.Length == 0)
                problem = "which names no method";
            else if (plan.Rollbacks.Any(r => r.Method.Name == name))
                problem = null;
            else if (plan.MemberNames.Contains(name))
                problem = "which is not marked [Rollback]";
            else
                problem = "which is not a method of this class";
            if (problem is not null)
                context.Report(DiagnosticDescriptors.RollbackWithNotARollback, rollbackWith.Location, step.Method, step.Title, name, problem);
        }
    }
}
