using System.Collections.Immutable;
using ChecklistDsl.Generators.Dsl;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK001: a step destroys a resource that no earlier step backs up.</summary>
internal static class DestroyWithoutBackupRule
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        for (var i = 0; i < checklist.Steps.Count; i++)
        {
            var step = checklist.Steps[i];
            foreach (var resource in step.Destroys)
            {
                if (checklist.LatestBackupBefore(i, resource) is not null)
                    continue;
                // A backup that applies only under a condition does not protect a step that may run without it.
                var why = checklist.LatestBackupBefore(i, resource, anyCondition: true) is { } conditional
                    ? " on every run in which it runs: step '" + checklist.Steps[conditional].Title + "' backs it up only when " + checklist.Steps[conditional].Condition!.Describe()
                    : "";
                context.Report(new Finding(
                    DiagnosticDescriptors.DestroyWithoutBackup, checklist.StepAttribute(i, KnownNames.Destroys), step.MethodName,
                    [step.Title, resource, why],
                    ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Resource, resource)));
            }
        }
    }
}
