using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

/// <summary>The example in DESIGN.md ("The DSL surface") is a clean production checklist.</summary>
[TestClass]
public sealed class DesignExampleTests
{
    // As in DESIGN.md, plus the Plugin input its command uses (without it CHK008 fires, rightly).
    public const string Source = """
        [Checklist("Deploy safely to production", Environment = "production",
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

            [Step, Section("Backup")]                       // title humanized: "Reconfirm backup availability"
            [Backup("database", "files", Verified = true, OffSite = true)]
            [Command("wp db export backup.sql")]
            void ReconfirmBackupAvailability() { }

            [Step("Apply updates"), Modifies("plugins"), RollbackWith(nameof(RestorePlugins))]
            [Command("wp plugin update {Plugin} --url={SiteUrl}")]
            void ApplyUpdates() { }

            [Step("Monitor for errors", Timeout = "01:00:00"), Verifies("site")]
            void Monitor() { }

            [Rollback("Restore plugin files")]
            [Command("tar -xzf plugin-backup.tar.gz -C wp-content/plugins")]
            void RestorePlugins() { }
        }
        """;

    [TestMethod]
    public async Task The_design_example_is_clean()
    {
        await Verify.AnalyzerAsync(Source);
    }

    [TestMethod]
    public async Task The_design_example_verbatim_reports_only_the_missing_Plugin_input()
    {
        await Verify.AnalyzerAsync(Source
            .Replace("""[Input("Plugin to update")] public string Plugin { get; init; } = "";""", "")
            .Replace("wp plugin update {Plugin}", "wp plugin update {|CHK008:{Plugin}|}"));
    }
}
