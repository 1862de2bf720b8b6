using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ChecklistDsl.Generators.Analysis.Plan;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK010: an [AssumeSafe] with an id that is not CHK001-CHK011, a blank reason, or nothing to accept
/// (the named rule finds nothing on that method). CHK010 itself cannot be accepted this way: use
/// #pragma or .editorconfig.
/// </summary>
internal static class InvalidAssumeSafeRule
{
    private static readonly Regex KnownId = new("^CHK0(0[1-9]|1[01])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static void Analyze(ChecklistPlan plan, IReadOnlyList<Finding> findings, RuleContext context)
    {
        foreach (var assumption in plan.Assumptions)
        {
            var id = assumption.RuleId?.Trim() ?? "";
            var owner = assumption.Method.Name;
            var (problem, fix) = Judge(assumption, id, findings);
            if (problem is not null)
                context.Report(DiagnosticDescriptors.InvalidAssumeSafe, assumption.Attribute.Location, assumption.Method,
                    assumption.RuleId ?? "", owner, problem, fix);
        }
    }

    private static (string? Problem, string? Fix) Judge(PlanAssumption assumption, string id, IReadOnlyList<Finding> findings)
    {
        if (!KnownId.IsMatch(id))
            return ("names no rule", "use an id from CHK001 to CHK011");
        if (string.Equals(id, DiagnosticDescriptors.InvalidAssumeSafe.Id, StringComparison.OrdinalIgnoreCase))
            return ("cannot accept CHK010 itself", "remove it and fix the [AssumeSafe] that CHK010 reports");
        if (!assumption.HasReason)
            return ("gives no reason", "say why the risk is acceptable, or remove it");
        foreach (var finding in findings)
        {
            if (string.Equals(finding.Rule.Id, id, StringComparison.OrdinalIgnoreCase) &&
                SymbolEqualityComparer.Default.Equals(finding.Owner, assumption.Method))
                return (null, null);
        }
        return ("accepts nothing: " + id.ToUpperInvariant() + " does not fire there", "remove it");
    }
}
