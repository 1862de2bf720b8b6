using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ChecklistDsl.Generators.Analysis.Plan;
using ChecklistDsl.Generators.Common;
using ChecklistDsl.Generators.Generation.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK011: the checklist class is not partial, has no steps, or repeats a step title (case-insensitive);
/// or it has something else the generator skips it for (a Timeout that is not a time span, a step name
/// the machine needs for itself, a generic class, a containing type that is not partial), so that
/// every class the generator skips is explained.
/// </summary>
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
        NotGeneratable(plan, context);
    }

    private static void NotGeneratable(ChecklistPlan plan, RuleContext context)
    {
        const string kind = FindingProperties.NotGeneratable;
        // One report per SkipReason of ChecklistParser (a test holds the two to each other).
        if (plan.Type.IsRecord)
            Report(context, plan, plan.IdentifierLocation, null, kind, "is a record", "declare it as a partial class");
        if (plan.Type.IsGenericType)
            Report(context, plan, plan.IdentifierLocation, null, kind, "is generic", "make it a non-generic class");
        if (ChecklistParser.GeneratedMemberNames.Contains(plan.Type.Name))
            Report(context, plan, plan.IdentifierLocation, null, kind,
                "is named '" + plan.Type.Name + "', like a member the generator adds to it", "rename the class");
        for (var type = plan.Type; type is not null; type = type.ContainingType)
        {
            if (type.IsFileLocal || type.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                Report(context, plan, plan.IdentifierLocation, null, kind,
                    (type.Equals(plan.Type, SymbolEqualityComparer.Default) ? "is " : "is nested in '" + type.Name + "', which is ")
                    + (type.IsFileLocal ? "file-local" : "private or protected") + ", so the assembly's catalog of checklists cannot name it",
                    "make it and the types it is nested in internal or public");
                break;
            }
        }
        for (var outer = plan.Type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType || !Declarations.IsPartial(outer))
            {
                Report(context, plan, plan.IdentifierLocation, null, kind,
                    "is nested in '" + outer.Name + "', which is " + (outer.IsGenericType ? "generic" : "not partial"),
                    "declare it in a non-generic partial type or at namespace level");
            }
        }
        // The compilation analyzed includes the generator's own output: only the author's members count.
        foreach (var member in plan.Type.GetMembers())
        {
            if (ChecklistParser.GeneratedMemberNames.Contains(member.Name)
                && member.Locations.FirstOrDefault(l => l.IsInSource && !IsGenerated(l.SourceTree!)) is { } location)
            {
                Report(context, plan, location, null, kind,
                    "declares a member named '" + member.Name + "', which the generator adds", "rename that member");
            }
        }

        var seen = new HashSet<string>();
        var stepMethods = new HashSet<IMethodSymbol>(plan.Steps.Select(s => s.Method), SymbolEqualityComparer.Default);
        foreach (var method in plan.Steps.Cast<PlanMethod>().Concat(plan.Rollbacks))
        {
            var name = method.Method.Name;
            if (method is not PlanStep && stepMethods.Contains(method.Method))
                Report(context, plan, method.IdentifierLocation, null, kind,
                    "has a method '" + name + "' marked both [Step] and [Rollback]", "a method is a step or a rollback procedure: remove one of the two");
            else if (ChecklistParser.ReservedStateNames.Contains(name))
                Report(context, plan, method.IdentifierLocation, method as PlanStep, kind,
                    "has a step or rollback named '" + name + "', a state the machine reserves", "rename the method");
            else if (!seen.Add(name))
                Report(context, plan, method.IdentifierLocation, method as PlanStep, kind,
                    "has more than one step or rollback named '" + name + "'", "give each step and rollback method its own name");
        }

        foreach (var step in plan.Steps)
        {
            if (AttributeReader.NamedString(step.StepAttribute.Data, "Timeout") is { } timeout
                && timeout.Trim().Length > 0 && ChecklistParser.TryParseTimeout(timeout) is null)
            {
                Report(context, plan, step.StepAttribute.Location, step, kind,
                    "gives step '" + step.Title + "' the Timeout \"" + timeout + "\", which is not a positive time span",
                    "write it as [d.]hh:mm:ss, for example Timeout = \"01:00:00\" for one hour");
            }
        }

        // What the generator skips in [Command] and [WaitUntil] (ChecklistParser.Commands and Wait).
        foreach (var method in plan.Steps.Cast<PlanMethod>().Concat(plan.Rollbacks))
        {
            var step = method as PlanStep;
            foreach (var command in method.Commands)
            {
                if (AttributeReader.NamedInt(command.Data, "Retries") is < 0)
                    Report(context, plan, command.Location, step, kind,
                        "gives a command of '" + method.Title + "' a negative Retries", "write the number of attempts after the first, 0 or more");
                TimeSpanText(context, plan, command, step, kind, method.Title, "RetryDelay", "RetryDelay = \"00:00:05\" for five seconds");
            }
        }
        foreach (var attribute in plan.DslAttributes)
        {
            if (attribute.ShortName != "WaitUntil" || attribute.OwnerMethod is null)
                continue;
            var owner = plan.Steps.FirstOrDefault(s => SymbolEqualityComparer.Default.Equals(s.Method, attribute.OwnerMethod));
            var title = owner?.Title ?? attribute.OwnerMethod.Name;
            if (attribute.Text is null || attribute.Text.Trim().Length == 0)
                Report(context, plan, attribute.Location, owner, kind, "has a [WaitUntil] on '" + title + "' with no command", "give the command to poll");
            TimeSpanText(context, plan, attribute, owner, kind, title, "Every", "Every = \"00:00:10\" for ten seconds");
            TimeSpanText(context, plan, attribute, owner, kind, title, "Timeout", "Timeout = \"00:05:00\" for five minutes");
        }
    }

    private static void TimeSpanText(RuleContext context, ChecklistPlan plan, PlanAttribute attribute, PlanStep? step, string kind, string title, string property, string example)
    {
        if (AttributeReader.NamedString(attribute.Data, property) is { } text && text.Trim().Length > 0 && ChecklistParser.TryParseTimeout(text) is null)
            Report(context, plan, attribute.Location, step, kind,
                "gives '" + title + "' the " + property + " \"" + text + "\", which is not a positive time span",
                "write it as [d.]hh:mm:ss, for example " + example);
    }

    private static bool IsGenerated(SyntaxTree tree) =>
        tree.FilePath.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase)
        || tree.GetRoot().GetLeadingTrivia().ToString().Contains("<auto-generated");

    private static void Report(RuleContext context, ChecklistPlan plan, Microsoft.CodeAnalysis.Location location,
        PlanStep? step, string kind, string problem, string fix) =>
        context.Report(new Finding(DiagnosticDescriptors.MalformedChecklist, location, step?.Method,
            [plan.Title, problem, fix], ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Kind, kind)));
}
