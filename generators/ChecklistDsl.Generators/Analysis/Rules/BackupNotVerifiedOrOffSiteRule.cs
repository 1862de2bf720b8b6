using System.Collections.Generic;
using ChecklistDsl.Generators.Dsl;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK005: in a production checklist, the backup a [Destroys] relies on (the latest earlier backup
/// of that resource) is not Verified or not OffSite. Reported once per backup step and resource, on
/// its [Backup], naming the first step that destroys it.
/// </summary>
internal static class BackupNotVerifiedOrOffSiteRule
{
    public static void Analyze(AnalyzedChecklist checklist, RuleContext context)
    {
        if (!checklist.IsProduction)
            return;
        var reported = new HashSet<(int, string)>();
        for (var i = 0; i < checklist.Steps.Count; i++)
        {
            var step = checklist.Steps[i];
            foreach (var resource in step.Destroys)
            {
                if (checklist.LatestBackupBefore(i, resource) is not { } backupIndex)
                    continue;
                var backupStep = checklist.Steps[backupIndex];
                var backup = backupStep.Backup!;
                if ((backup.Verified && backup.OffSite) || !reported.Add((backupIndex, resource.ToUpperInvariant())))
                    continue;
                var (state, fix) = (backup.Verified, backup.OffSite) switch
                {
                    (false, false) => ("not verified and not off-site", "Verified = true, OffSite = true"),
                    (false, true) => ("not verified", "Verified = true"),
                    _ => ("not off-site", "OffSite = true"),
                };
                context.Report(DiagnosticDescriptors.BackupNotVerifiedOrOffSite, checklist.StepAttribute(backupIndex, KnownNames.Backup), backupStep.MethodName,
                    backupStep.Title, resource, step.Title, state, fix);
            }
        }
    }
}
