using System.Threading.Tasks;
using ChecklistDsl;

namespace Samples.Deployments;

// The example of DESIGN.md ("The DSL surface"), made complete: every placeholder has an input.
[Checklist("Deploy safely to production", Environment = "production", Owner = "Web team",
    Summary = "Apply only the updates approved in staging, in a controlled order.")]
public partial class DeploySafelyToProduction
{
    [Input("Production site URL")] public string SiteUrl { get; init; } = "";
    [Input("Plugin to update")] public string Plugin { get; init; } = "";
    [Secret] public string ApiToken { get; init; } = "";

    [Step("Confirm staging approval", Purpose = "ensure only validated changes reach production")]
    [Approval("QA lead")]
    [Check("All staging QA checks passed")]
    void ConfirmStagingApproval() { }

    [Step, Section("Backup")]
    [Backup("database", "files", Verified = true, OffSite = true)]
    [Command("wp db export backup.sql")]
    void ReconfirmBackupAvailability() { }

    [Step("Apply updates"), Section("Deploy"), Modifies("plugins"), RollbackWith(nameof(RestorePlugins))]
    [Command("wp plugin update {Plugin} --url={SiteUrl}")]
    void ApplyUpdates() { }

    [Step("Monitor for errors", Timeout = "01:00:00"), Verifies("site")]
    [Check("No errors in the log")]
    [Check("Home page loads")]
    Task Monitor(StepContext context)
    {
        context.Log("watching " + context.GetInput("SiteUrl"));
        return Task.CompletedTask;
    }

    [Rollback("Restore plugin files")]
    [Command("tar -xzf plugin-backup.tar.gz -C wp-content/plugins")]
    void RestorePlugins() { }
}
