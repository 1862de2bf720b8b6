using System.Collections.Generic;
using System.Collections.Immutable;
using ChecklistDsl.Generators.Analysis.Plan;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK011: the checklist class is not partial, has no steps, or repeats a step title (case-insensitive).</summary>
internal static class MalformedChecklistRule
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        if (!plan.IsPartial)
            Report(context, plan, plan.IdentifierLocation, null, FindingProperties.NotPartial,
                "is not partial", "add the partial modifier so the generator can extend it");
        if (plan.Steps.IsEmpty)
            Report(context, plan, plan.IdentifierLocation, null, FindingProperties.NoSteps,
                "has no steps", "add a method marked [Step]");

        var firstByTitle = new Dictionary<string, PlanStep>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var step in plan.Steps)
        {
            if (!firstByTitle.TryGetValue(step.Title, out var first))
            {
                firstByTitle.Add(step.Title, step);
                continue;
            }
            Report(context, plan, step.StepAttribute.Location, step, FindingProperties.RepeatedTitle,
                "repeats the step title '" + step.Title + "' of " + first.Method.Name,
                "give step " + step.Method.Name + " its own title");
        }
    }

    private static void Report(RuleContext context, ChecklistPlan plan, Microsoft.CodeAnalysis.Location location,
        PlanStep? step, string kind, string problem, string fix) =>
        context.Report(new Finding(DiagnosticDescriptors.MalformedChecklist, location, step?.Method,
            [plan.Title, problem, fix], ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Kind, kind)));
}
