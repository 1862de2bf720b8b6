namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>CHK006: there are changing steps but no [Verifies] step after the last of them.</summary>
internal static class NoVerificationAfterChangesRule
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        var lastChange = -1;
        for (var i = 0; i < checklist.Steps.Count; i++)
        {
            if (checklist.Steps[i].IsChange)
                lastChange = i;
        }
        if (lastChange < 0)
            return;
        for (var i = lastChange + 1; i < checklist.Steps.Count; i++)
        {
            if (checklist.Steps[i].Verifies.Count > 0)
                return;
        }
        var step = checklist.Steps[lastChange];
        var changed = string.Join("', '", step.ChangedResources);
        context.Report(DiagnosticDescriptors.NoVerificationAfterChanges, checklist.StepLocation(lastChange), step.MethodName,
            step.Title, changed, string.Join("\", \"", step.ChangedResources));
    }
}
