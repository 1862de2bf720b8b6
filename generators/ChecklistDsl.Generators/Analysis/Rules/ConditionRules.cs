using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Generators.Dsl.Model;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK012, CHK013, CHK014: a [When] names no input, names an input that is not bool without a value,
/// or can never hold (a value no bool reads as, or a blank one). Reported on the [When] attribute.
/// </summary>
internal static class ConditionRules
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        for (var i = 0; i < checklist.Steps.Count; i++)
        {
            var step = checklist.Steps[i];
            Check(checklist, step.Condition, step.MethodName, step.Title, checklist.Sources.Step(i), context);
        }
        for (var i = 0; i < checklist.Rollbacks.Count; i++)
        {
            var rollback = checklist.Rollbacks[i];
            Check(checklist, rollback.Condition, rollback.MethodName, rollback.Title, checklist.Sources.Rollback(i), context);
        }
    }

    private static void Check(AnalyzedChecklist checklist, ConditionSpec? condition, string method, string title, MemberSource source, RuleContext context)
    {
        if (condition is null)
            return;
        var location = source.Find(KnownNames.When)?.Location ?? source.Identifier;
        var input = condition.Input;
        if (input.Length == 0 || !checklist.InputNames.Contains(input) || checklist.SecretNames.Contains(input))
        {
            var why = checklist.SecretNames.Contains(input) ? " (it names a [Secret], which cannot decide the plan)" : "";
            context.Report(DiagnosticDescriptors.ConditionNamesNoInput, location, method, input, title, why);
            return;
        }
        var isBool = checklist.BoolInputs.Contains(input);
        if (condition.Value is not { } value)
        {
            if (!isBool)
                context.Report(DiagnosticDescriptors.ConditionWithoutValue, location, method, input, title);
            return;
        }
        if (value.Trim().Length == 0)
            context.Report(DiagnosticDescriptors.ConditionNeverHolds, location, method, input, value, title,
                "no input is blank", "give the value it must equal");
        else if (isBool && !IsBoolText(value))
            context.Report(DiagnosticDescriptors.ConditionNeverHolds, location, method, input, value, title,
                input + " is a bool, and \"" + value + "\" is not true, false, yes or no",
                "write [When(nameof(" + input + "))] for true, or the value \"false\"");
    }

    /// <summary>What the runtime reads as a bool (ChecklistDsl.InputValues.TryParseBool).</summary>
    private static bool IsBoolText(string text) =>
        text.Trim().ToLowerInvariant() is "true" or "false" or "yes" or "no";
}
