namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK002: in a production checklist, a changing step has neither [RollbackWith] nor a reasoned
/// [NoRollback] (a blank reason is no reason).
/// </summary>
internal static class ChangeWithoutRollbackRule
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        if (!checklist.IsProduction)
            return;
        for (var i = 0; i < checklist.Steps.Count; i++)
        {
            var step = checklist.Steps[i];
            if (!step.IsChange || !string.IsNullOrWhiteSpace(step.NoRollbackReason))
                continue;
            var why = "";
            if (step.RollbackWith is not null)
            {
                // A rollback that applies only under a condition does not undo a change made without it.
                if (checklist.Rollback(step.RollbackWith) is not { Rollback: { Condition: { } condition } rollback }
                    || AnalyzedChecklist.AppliesWhenever(condition, step.Condition))
                    continue;
                why = " on every run in which it runs: rollback '" + rollback.Title + "' applies only when " + condition.Describe();
            }
            context.Report(DiagnosticDescriptors.ChangeWithoutRollback, checklist.StepLocation(i), step.MethodName,
                step.Title, string.Join("', '", step.ChangedResources), why);
        }
    }
}
