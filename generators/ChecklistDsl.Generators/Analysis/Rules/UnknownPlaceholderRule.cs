using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Shared;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK008: a {Name} in a [Command] (of a step or a rollback) names no [Input] or [Secret] property.</summary>
internal static class UnknownPlaceholderRule
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        for (var i = 0; i < checklist.Steps.Count; i++)
            Check(checklist, checklist.Sources.Step(i), checklist.Steps[i].MethodName, AnalyzedChecklist.Display(checklist.Steps[i]), context);
        for (var i = 0; i < checklist.Rollbacks.Count; i++)
            Check(checklist, checklist.Sources.Rollback(i), checklist.Rollbacks[i].MethodName, AnalyzedChecklist.Display(checklist.Rollbacks[i]), context);
    }

    // Each [Command] as written, located: the description holds the lines, the source map where they are.
    private static void Check(AnalyzedChecklist checklist, MemberSource method, string owner, string display, RuleContext context)
    {
        foreach (var command in method.Attributes)
        {
            if (command.MetadataName != KnownNames.Command || command.String(0) is not { } line)
                continue;
            foreach (var placeholder in CommandTemplate.Placeholders(line))
            {
                if (checklist.InputNames.Contains(placeholder.Name))
                    continue;
                var location = ArgumentLocator.Locate(command, line, placeholder.Start, placeholder.Length, context.CancellationToken);
                context.Report(DiagnosticDescriptors.UnknownPlaceholder, location, owner,
                    display, "{" + placeholder.Name + "}", placeholder.Name);
            }
        }
    }
}
