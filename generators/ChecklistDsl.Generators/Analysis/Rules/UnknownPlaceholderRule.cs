using System.Collections.Generic;
using System.Linq;
using ChecklistDsl.Generators.Analysis.Plan;
using ChecklistDsl.Shared;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK008: a {Name} in a [Command] (of a step or a rollback) names no [Input] or [Secret] property.</summary>
internal static class UnknownPlaceholderRule
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        foreach (var method in plan.Steps.Cast<PlanMethod>().Concat(plan.Rollbacks).Distinct(MethodComparer.Instance))
        {
            foreach (var command in method.Commands)
            {
                var line = command.Text!;
                foreach (var placeholder in CommandTemplate.Placeholders(line))
                {
                    if (plan.InputNames.Contains(placeholder.Name))
                        continue;
                    var location = ArgumentLocator.Locate(command.Data, command.Location, line, placeholder.Start, placeholder.Length, context.CancellationToken);
                    context.Report(DiagnosticDescriptors.UnknownPlaceholder, location, method.Method,
                        method.Display, "{" + placeholder.Name + "}", placeholder.Name);
                }
            }
        }
    }

    // A method that is both a step and a rollback is checked once.
    private sealed class MethodComparer : IEqualityComparer<PlanMethod>
    {
        public static readonly MethodComparer Instance = new();
        public bool Equals(PlanMethod? x, PlanMethod? y) => Microsoft.CodeAnalysis.SymbolEqualityComparer.Default.Equals(x?.Method, y?.Method);
        public int GetHashCode(PlanMethod obj) => Microsoft.CodeAnalysis.SymbolEqualityComparer.Default.GetHashCode(obj.Method);
    }
}
