using System.Collections.Generic;
using ChecklistDsl.Generators.Analysis.Plan;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>
/// CHK005: in a production checklist, the backup a [Destroys] relies on (the latest earlier backup
/// of that resource) is not Verified or not OffSite. Reported once per backup step and resource, on
/// its [Backup], naming the first step that destroys it.
/// </summary>
internal static class BackupNotVerifiedOrOffSiteRule
{
    public static void Analyze(ChecklistPlan plan, RuleContext context)
    {
        if (!plan.IsProduction)
            return;
        var reported = new HashSet<(int, string)>();
        foreach (var step in plan.Steps)
        {
            if (step.Destroys is not { } destroys)
                continue;
            foreach (var resource in destroys.Resources)
            {
                var backupStep = BackupFinder.LatestBackupBefore(plan, step.Index, resource);
                if (backupStep?.Backup is not { } backup || (backup.Verified && backup.OffSite))
                    continue;
                if (!reported.Add((backupStep.Index, resource.ToUpperInvariant())))
                    continue;
                var (state, fix) = (backup.Verified, backup.OffSite) switch
                {
                    (false, false) => ("not verified and not off-site", "Verified = true, OffSite = true"),
                    (false, true) => ("not verified", "Verified = true"),
                    _ => ("not off-site", "OffSite = true"),
                };
                context.Report(DiagnosticDescriptors.BackupNotVerifiedOrOffSite, backup.Attribute.Location, backupStep.Method,
                    backupStep.Title, resource, step.Title, state, fix);
            }
        }
    }
}
