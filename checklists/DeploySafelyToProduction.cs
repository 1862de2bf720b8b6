using ChecklistDsl;

namespace Checklists;

/// <summary>
/// Seed 001: "Deploy safely to production", tasks 6.1-6.7 of a WordPress maintenance process:
/// a controlled replication of what staging approved, nothing more and nothing less.
/// </summary>
[Checklist("Deploy safely to production",
    Environment = "production",
    Summary = "Apply only the updates tested, validated and approved in staging, in a controlled order (core, plugins one at a time, theme). Production is not the place for discovery: if anything unexpected occurs, stop immediately and roll back.")]
public partial class DeploySafelyToProduction
{
    [Input("The site uses a CDN (Cloudflare or similar)")]
    public bool UsesCdn { get; init; }

    [Step("Confirm staging approval",
        Purpose = "ensure only validated changes reach production",
        Instructions = "If staging is not explicitly approved, production must not be touched.")]
    [Approval("QA lead")]
    [Check("QA results from STEP 4 reviewed: all required checks passed")]
    [Check("Issues found in STEP 5 resolved and documented")]
    [Check("The final update list exactly matches what was tested in staging")]
    [Check("No pending warnings, notes or to-be-checked-later items")]
    private void ConfirmStagingApproval() { }

    [Step("Reconfirm backup availability",
        Purpose = "guarantee immediate rollback capability on production",
        Instructions = "Deploying without a confirmed rollback point is a critical process violation.")]
    [Backup("production files", "production database", OffSite = true)]
    [Check("A full production backup (files and database) exists")]
    [Check("The backup timestamp is recent and pre-deployment")]
    [Check("The restore option is visible and accessible")]
    [Check("At least one backup copy is stored off-site")]
    private void ReconfirmBackupAvailability() { }

    [Step("Confirm the approved update list",
        Purpose = "replicate the verified staging state on the live site",
        Instructions = "Log in to the production WordPress Admin Dashboard and navigate to Dashboard → Updates. Production is not a place for discovery: if something was not tested in staging, it must not be applied here.")]
    [Section("Apply updates to production")]
    [Check("Logged in to the production WordPress Admin Dashboard")]
    [Check("Only the updates in the approved staging update list are selected")]
    [Check("No additional updates selected, even ones that look minor or safe")]
    private void ConfirmApprovedUpdateList() { }

    [Step("Maintain controlled update order",
        Purpose = "minimize risk and simplify rollback if needed",
        Instructions = "Apply the updates in the same order used in staging. Consistency between staging and production reduces unexpected behavior.")]
    [Modifies("WordPress core", "plugins", "theme"), RollbackWith(nameof(RestorePreDeploymentBackup))]
    [Check("WordPress core updated first, if included")]
    [Check("Plugins updated one at a time, in the sequence used in staging")]
    [Check("Active theme updated last")]
    [Check("Each update completed before the next one started")]
    [Check("No bulk updates or parallel actions")]
    private void MaintainControlledUpdateOrder() { }

    [Step("Clear the site caches",
        Purpose = "ensure users see the updated, correct version of the site",
        Instructions = "Uncleared caches can make a successful deployment appear broken.")]
    [Modifies("page cache"), NoRollback("A cleared cache refills from the updated site; there is nothing to restore.")]
    [Check("WordPress cache cleared with the active caching plugin (if present)")]
    [Check("Server-side cache cleared from the hosting panel, if available")]
    [Check("Site refreshed in a private or incognito window: changes are visible")]
    private void ClearSiteCaches() { }

    [Step("Clear the CDN cache",
        Purpose = "the CDN serves the updated pages, not cached copies of the old ones")]
    [When(nameof(UsesCdn))]
    [Modifies("CDN cache"), NoRollback("A cleared cache refills from the updated site; there is nothing to restore.")]
    [Check("CDN cache (Cloudflare or similar) cleared")]
    [Check("Site refreshed in a private or incognito window through the CDN: changes are visible")]
    private void ClearCdnCache() { }

    [Step("Monitor deployment results",
        Purpose = "detect immediate production issues",
        Instructions = "If any unexpected issue appears, stop immediately and prepare to roll back (fail this step).")]
    [Verifies("production site")]
    [Check("Homepage and key pages reloaded on the live site")]
    [Check("WordPress Admin Dashboard remains accessible")]
    [Check("No error messages")]
    [Check("No broken layouts")]
    [Check("No missing content")]
    [Check("Uptime or alert tools monitored briefly, if available")]
    private void MonitorDeploymentResults() { }

    [Step("Confirm deployment completion",
        Purpose = "act as the final gate before post-deployment testing",
        Instructions = "If any approved update is incomplete, failed, or inconsistent with staging, deployment is not complete and post-deployment testing must not begin.")]
    [Verifies("production site")]
    [Check("The production Updates screen shows no approved updates pending")]
    [Check("No error messages or failed update notices were shown during deployment")]
    [Check("Updated plugin, theme and core versions match the versions tested in staging")]
    [Check("The site remains accessible to both users and administrators")]
    private void ConfirmDeploymentCompletion() { }

    [Rollback("Restore the pre-deployment backup",
        Instructions = "Stop all further updates. Restore production files and database from the backup reconfirmed in step 2, using the restore option checked there; then clear the WordPress, server and CDN caches and reload the site to confirm it is back to its pre-deployment state.")]
    private void RestorePreDeploymentBackup() { }
}
