using ChecklistDsl.Generators.Analysis.Plan;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK009: a string in any ChecklistDsl attribute of the class looks like a credential.</summary>
internal static class CredentialInSourceRule
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        foreach (var attribute in plan.DslAttributes)
        {
            foreach (var argument in attribute.Data.ConstructorArguments)
                Check(plan, attribute, argument, context);
            foreach (var named in attribute.Data.NamedArguments)
                Check(plan, attribute, named.Value, context);
        }
    }

    private static void Check(ChecklistPlan plan, PlanAttribute attribute, TypedConstant constant, RuleContext context)
    {
        if (constant.Kind == TypedConstantKind.Array)
        {
            if (!constant.IsNull)
            {
                foreach (var element in constant.Values)
                    Check(plan, attribute, element, context);
            }
            return;
        }
        if (constant.Kind != TypedConstantKind.Primitive || constant.Value is not string text ||
            CredentialDetector.Find(text) is not { } match)
            return;
        var location = ArgumentLocator.Locate(attribute.Data, attribute.Location, text, match.Start, match.Length, context.CancellationToken);
        context.Report(DiagnosticDescriptors.CredentialInSource, location, attribute.OwnerMethod,
            Describe(plan, attribute), match.Kind, attribute.ShortName);
    }

    private static string Describe(ChecklistPlan plan, PlanAttribute attribute)
    {
        if (attribute.OwnerMethod is { } method)
        {
            foreach (var step in plan.Steps)
            {
                if (SymbolEqualityComparer.Default.Equals(step.Method, method))
                    return step.Display;
            }
            foreach (var rollback in plan.Rollbacks)
            {
                if (SymbolEqualityComparer.Default.Equals(rollback.Method, method))
                    return rollback.Display;
            }
            return "Method '" + method.Name + "'";
        }
        return "Checklist '" + plan.Title + "'";
    }
}
