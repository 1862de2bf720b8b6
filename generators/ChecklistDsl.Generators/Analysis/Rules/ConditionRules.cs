using ChecklistDsl.Generators.Analysis.Plan;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK012, CHK013, CHK014: a [When] names no input, names an input that is not bool without a value,
/// or can never hold (a value no bool reads as, or a blank one). Reported on the [When] attribute.
/// </summary>
internal static class ConditionRules
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        foreach (var step in plan.Steps)
            Check(plan, step, context);
        foreach (var rollback in plan.Rollbacks)
            Check(plan, rollback, context);
    }

    private static void Check(ChecklistPlan plan, PlanMethod method, RuleContext context)
    {
        if (method.Condition is not { } condition)
            return;
        var location = condition.Attribute.Location;
        var input = condition.Input?.Trim() ?? "";
        if (input.Length == 0 || !plan.InputNames.Contains(input) || plan.SecretNames.Contains(input))
        {
            var why = plan.SecretNames.Contains(input) ? " (it names a [Secret], which cannot decide the plan)" : "";
            context.Report(DiagnosticDescriptors.ConditionNamesNoInput, location, method.Method, condition.Input ?? "", method.Title, why);
            return;
        }
        var isBool = plan.BoolInputs.Contains(input);
        if (!condition.HasValue)
        {
            if (!isBool)
                context.Report(DiagnosticDescriptors.ConditionWithoutValue, location, method.Method, input, method.Title);
            return;
        }
        var value = condition.Value ?? "";
        if (value.Trim().Length == 0)
            context.Report(DiagnosticDescriptors.ConditionNeverHolds, location, method.Method, input, value, method.Title,
                "no input is blank", "give the value it must equal");
        else if (isBool && !IsBoolText(value))
            context.Report(DiagnosticDescriptors.ConditionNeverHolds, location, method.Method, input, value, method.Title,
                input + " is a bool, and \"" + value + "\" is not true, false, yes or no",
                "write [When(nameof(" + input + "))] for true, or the value \"false\"");
    }

    /// <summary>What the runtime reads as a bool (ChecklistDsl.InputValues.TryParseBool).</summary>
    private static bool IsBoolText(string text) =>
        text.Trim().ToLowerInvariant() is "true" or "false" or "yes" or "no";
}
