using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Generators.Dsl.Model;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK011: the checklist class is not partial, has no steps, or repeats a step title (case-insensitive);
/// or it has something else the generator skips it for (every <see cref="SkipReason"/> of the
/// description but the two CHK003 and CHK015 explain), so that every class the generator skips is explained.
/// </summary>
internal static class MalformedChecklistRule
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        foreach (var problem in checklist.Description.Problems)
            Explain(checklist, problem, context);

        var firstByTitle = new Dictionary<string, StepSpec>(System.StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < checklist.Steps.Count; i++)
        {
            var step = checklist.Steps[i];
            if (!firstByTitle.TryGetValue(step.Title, out var first))
            {
                firstByTitle.Add(step.Title, step);
                continue;
            }
            Report(context, checklist, checklist.StepAttribute(i, KnownNames.Step), step.MethodName, FindingProperties.RepeatedTitle,
                "repeats the step title '" + step.Title + "' of " + first.MethodName,
                "give step " + step.MethodName + " its own title");
        }
    }

    private static void Explain(AnalyzedChecklist checklist, Problem problem, RuleContext context)
    {
        const string kind = FindingProperties.NotGeneratable;
        var member = problem.Member >= 0 ? checklist.Sources.Methods[problem.Member] : null;
        var location = member?.At(problem.Attribute) ?? checklist.Sources.ClassLocation;
        var owner = member?.Symbol.Name;
        var title = problem.Title;
        switch (problem.Reason)
        {
            case SkipReason.NotPartial:
                Report(context, checklist, location, null, FindingProperties.NotPartial,
                    "is not partial", "add the partial modifier so the generator can extend it");
                break;
            case SkipReason.NoSteps:
                Report(context, checklist, location, null, FindingProperties.NoSteps,
                    "has no steps", "add a method marked [Step]");
                break;
            case SkipReason.NotAClass:
                Report(context, checklist, location, null, kind, "is a " + problem.Text, "declare it as a partial class");
                break;
            case SkipReason.Generic:
                Report(context, checklist, location, null, kind, "is generic", "make it a non-generic class");
                break;
            case SkipReason.NamedLikeGeneratedMember:
                Report(context, checklist, location, null, kind,
                    "is named '" + problem.Text + "', like a member the generator adds to it", "rename the class");
                break;
            case SkipReason.NotVisibleToCatalog:
                Report(context, checklist, location, null, kind,
                    (problem.Property.Length == 0 ? "is " : "is nested in '" + problem.Property + "', which is ")
                    + problem.Text + ", so the assembly's catalog of checklists cannot name it",
                    "make it and the types it is nested in internal or public");
                break;
            case SkipReason.UnsupportedContainingType:
                Report(context, checklist, location, null, kind,
                    "is nested in '" + problem.Property + "', which is " + problem.Text,
                    "declare it in a non-generic partial type or at namespace level");
                break;
            case SkipReason.DeclaresGeneratedMember:
                var declared = checklist.Sources.Type.GetMembers(problem.Text)
                    .SelectMany(m => m.Locations).FirstOrDefault(l => l.IsInSource && !l.SourceTree!.FilePath.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase));
                Report(context, checklist, declared ?? location, null, kind,
                    "declares a member named '" + problem.Text + "', which the generator adds", "rename that member");
                break;
            case SkipReason.StepAndRollback:
                Report(context, checklist, location, null, kind,
                    "has a method '" + owner + "' marked both [Step] and [Rollback]", "a method is a step or a rollback procedure: remove one of the two");
                break;
            case SkipReason.StateNameTaken when ChecklistReader.ReservedStateNames.Contains(problem.Text):
                Report(context, checklist, location, owner, kind,
                    "has a step or rollback named '" + problem.Text + "', a state the machine reserves", "rename the method");
                break;
            case SkipReason.StateNameTaken:
                Report(context, checklist, location, owner, kind,
                    "has more than one step or rollback named '" + problem.Text + "'", "give each step and rollback method its own name");
                break;
            case SkipReason.MalformedTimeout:
                Report(context, checklist, location, owner, kind,
                    "gives step '" + title + "' the Timeout \"" + problem.Text + "\", which is not a positive time span",
                    "write it as [d.]hh:mm:ss, for example Timeout = \"01:00:00\" for one hour");
                break;
            case SkipReason.MalformedRetry when problem.Property == "Retries":
                Report(context, checklist, location, owner, kind,
                    "gives a command of '" + title + "' a negative Retries", "write the number of attempts after the first, 0 or more");
                break;
            case SkipReason.MalformedRetry:
                TimeSpanText(context, checklist, location, owner, problem, "RetryDelay = \"00:00:05\" for five seconds");
                break;
            case SkipReason.MalformedWait when problem.Property.Length == 0:
                Report(context, checklist, location, owner, kind, "has a [WaitUntil] on '" + title + "' with no command", "give the command to poll");
                break;
            case SkipReason.MalformedWait:
                TimeSpanText(context, checklist, location, owner, problem,
                    problem.Property == "Every" ? "Every = \"00:00:10\" for ten seconds" : "Timeout = \"00:05:00\" for five minutes");
                break;
            // RollbackWithNamesNoRollback: CHK003; ApprovalQuorumBelowOne: CHK015; GeneratorFailure: CHK000.
        }
    }

    private static void TimeSpanText(RuleContext context, AnalyzedChecklist checklist, Location location, string? owner, Problem problem, string example) =>
        Report(context, checklist, location, owner, FindingProperties.NotGeneratable,
            "gives '" + problem.Title + "' the " + problem.Property + " \"" + problem.Text + "\", which is not a positive time span",
            "write it as [d.]hh:mm:ss, for example " + example);

    private static void Report(RuleContext context, AnalyzedChecklist checklist, Location location,
        string? owner, string kind, string problem, string fix) =>
        context.Report(new Finding(DiagnosticDescriptors.MalformedChecklist, location, owner,
            [checklist.Title, problem, fix], ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Kind, kind)));
}
