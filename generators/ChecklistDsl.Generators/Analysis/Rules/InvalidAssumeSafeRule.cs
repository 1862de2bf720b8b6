using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Generators.Dsl.Model;
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

    public static void Analyze(AnalyzedChecklist checklist, IReadOnlyList<Finding> findings, RuleContext context)
    {
        // Each method's [AssumeSafe]s in order, matched to where they were written.
        var seen = new Dictionary<string, int>();
        foreach (var assumption in checklist.Description.Assumptions)
        {
            var owner = assumption.MethodName;
            seen.TryGetValue(owner, out var nth);
            seen[owner] = nth + 1;
            var id = assumption.RuleId?.Trim() ?? "";
            var (problem, fix) = Judge(assumption, id, findings);
            if (problem is not null)
                context.Report(DiagnosticDescriptors.InvalidAssumeSafe, Location(checklist, owner, nth), owner,
                    assumption.RuleId ?? "", owner, problem, fix);
        }
    }

    private static Microsoft.CodeAnalysis.Location Location(AnalyzedChecklist checklist, string method, int nth)
    {
        var source = checklist.Sources.Method(method);
        if (source is null)
            return checklist.Sources.ClassLocation;
        foreach (var attribute in source.Attributes)
        {
            if (attribute.MetadataName == KnownNames.AssumeSafe && nth-- == 0)
                return attribute.Location;
        }
        return source.Identifier;
    }

    private static (string? Problem, string? Fix) Judge(AssumptionSpec assumption, string id, IReadOnlyList<Finding> findings)
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
                finding.Owner == assumption.MethodName)
                return (null, null);
        }
        return ("accepts nothing: " + id.ToUpperInvariant() + " does not fire there", "remove it");
    }
}
