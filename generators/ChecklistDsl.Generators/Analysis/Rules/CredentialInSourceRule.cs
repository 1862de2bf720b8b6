using ChecklistDsl.Generators.Dsl;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK009: a string in any ChecklistDsl attribute of the class looks like a credential.</summary>
internal static class CredentialInSourceRule
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        var sources = checklist.Sources;
        Check(sources.Checklist, null, "Checklist '" + checklist.Title + "'", context);
        foreach (var method in sources.Methods)
        {
            if (method.Attributes.Count == 0)
                continue;
            var name = method.Symbol.Name;
            var display = Describe(checklist, name);
            foreach (var attribute in method.Attributes)
                Check(attribute, name, display, context);
        }
        foreach (var property in sources.Properties)
        {
            // A base class's properties are its own class's to answer for.
            if (!SymbolEqualityComparer.Default.Equals(property.Symbol.ContainingType, sources.Type))
                continue;
            foreach (var attribute in property.Attributes)
                Check(attribute, null, "Checklist '" + checklist.Title + "'", context);
        }
    }

    private static void Check(DslAttribute attribute, string? owner, string display, RuleContext context)
    {
        foreach (var argument in attribute.Arguments)
        {
            if (argument is string?[] items)
            {
                foreach (var item in items)
                    Check(attribute, item, owner, display, context);
            }
            else
            {
                Check(attribute, argument as string, owner, display, context);
            }
        }
        foreach (var named in attribute.Named)
            Check(attribute, named.Value as string, owner, display, context);
    }

    private static void Check(DslAttribute attribute, string? text, string? owner, string display, RuleContext context)
    {
        if (text is null || CredentialDetector.Find(text) is not { } match)
            return;
        var location = ArgumentLocator.Locate(attribute, text, match.Start, match.Length, context.CancellationToken);
        context.Report(DiagnosticDescriptors.CredentialInSource, location, owner, display, match.Kind, attribute.ShortName);
    }

    private static string Describe(AnalyzedChecklist checklist, string method)
    {
        foreach (var step in checklist.Steps)
        {
            if (step.MethodName == method)
                return AnalyzedChecklist.Display(step);
        }
        foreach (var rollback in checklist.Rollbacks)
        {
            if (rollback.MethodName == method)
                return AnalyzedChecklist.Display(rollback);
        }
        return "Method '" + method + "'";
    }
}
