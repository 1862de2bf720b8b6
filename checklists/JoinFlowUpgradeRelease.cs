using ChecklistDsl;

namespace Checklists;

/// <summary>
/// Seed 002: the pull request that adds the join-flow plugin's upgrade dispatcher
/// (<c>Upgrade::upgradeJoinFlow</c>), turned into the release runbook its test plan describes:
/// unit tests, the full suite, the version bump, staging verification with legacy plans, a
/// fresh-install test, then production and the after-deploy log check.
/// </summary>
[Checklist("Join flow upgrade dispatcher release",
    Environment = "production",
    Summary = "Release the plugin upgrade dispatcher: on init, Upgrade::check() compares the stored ck_join_flow_db_version with CK_JOIN_FLOW_VERSION and, under a 60 s lock, runs the pending migrations in ascending version order (first: the 1.4.9 membership-plan rekey), stamping the version only after every migration succeeds.",
    Owner = "Join-flow plugin maintainers")]
public partial class JoinFlowUpgradeRelease
{
    [Input("Path of the plugin repository checkout")]
    public string RepoPath { get; init; } = "";

    [Input("Version being released, for example 1.5.0")]
    public string ReleaseVersion { get; init; } = "";

    [Input("Path of the staging WordPress installation (plans saved under the legacy slug)")]
    public string StagingWpPath { get; init; } = "";

    [Input("Staging site URL, for example https://staging.example.org")]
    public string StagingUrl { get; init; } = "";

    [Input("Path of a scratch WordPress installation with no ck_join_flow_db_version and no plans configured")]
    public string FreshWpPath { get; init; } = "";

    [Input("Path of the production WordPress installation")]
    public string ProductionWpPath { get; init; } = "";

    [Input("Path of the production PHP error log the plugin writes to")]
    public string ProductionLogFile { get; init; } = "";

    // Staging and the scratch site are copies made to test this release.
    private const string TestSiteIsDisposable =
        "A test site, rebuilt from production when needed: a bad state there is thrown away, not rolled back.";

    [Step("Run the upgrade dispatcher tests"), Section("Automated tests")]
    [Verifies("plugin code")]
    [Command("cd {RepoPath}/packages/join-block && composer install && ./vendor/bin/phpunit --filter UpgradeTest --testdox")]
    [Check("check() short-circuits when versions match (zero update_option calls)")]
    [Check("check() dispatches when stored < current")]
    [Check("check() treats a missing stored version as 0.0.0 (fresh install)")]
    [Check("check() is a no-op when the upgrade lock is held")]
    [Check("upgradeJoinFlow skips migrations <= fromVersion")]
    [Check("upgradeJoinFlow runs migrations in ascending version order regardless of declaration order")]
    [Check("upgradeJoinFlow does NOT bump the version when a migration throws (and the exception propagates)")]
    [Check("upgradeJoinFlow stamps the version exactly once after every migration succeeds")]
    [Check("The production migration map declares the 1.4.9 rekey entry")]
    private void RunUpgradeDispatcherTests() { }

    [Step("Run the full test suite")]
    [Verifies("plugin code")]
    [Command("cd {RepoPath}/packages/join-block && ./vendor/bin/phpunit")]
    [Check("78 tests run; only the pre-existing SessionLockTest fails (unrelated)")]
    private void RunFullTestSuite() { }

    [Step("Approve the release",
        Purpose = "nothing is bumped or deployed before the pull request is reviewed and its tests pass")]
    [Approval("Maintainer")]
    [Check("Pull request reviewed and merged into master")]
    private void ApproveRelease() { }

    [Step("Bump the version",
        Instructions = "scripts/bump-version.sh is the single source of truth for the six version-touching locations.")]
    [Section("Bump-script test")]
    [Modifies("version-touching files"), RollbackWith(nameof(RevertVersionBump))]
    [Command("cd {RepoPath} && bash scripts/bump-version.sh {ReleaseVersion}")]
    [Check("join.php plugin-header Version: line updated")]
    [Check("join.php CK_JOIN_FLOW_VERSION define(...) line updated")]
    [Check("readme.txt Stable tag: line updated")]
    [Check("readme.txt changelog entry updated")]
    [Check("readme.md **Current version:** line updated")]
    [Check("index.tsx Sentry release: line updated")]
    private void BumpVersion() { }

    [Step("Confirm the version option is unset on staging",
        Instructions = "Do this before the new code reaches staging: every request, WP-CLI included, boots init, where Upgrade::check() runs.")]
    [Section("Staging with plans saved under the legacy slug")]
    [Verifies("staging site")]
    [Command("wp option get ck_join_flow_db_version --path={StagingWpPath}")]
    [Check("wp option get ck_join_flow_db_version returns nothing initially")]
    [Check("Membership plans are saved under the legacy slug")]
    private void ConfirmVersionOptionUnset() { }

    [Step("Deploy the release to staging")]
    [Modifies("staging site"), NoRollback(TestSiteIsDisposable)]
    [Check("The release build is installed on staging")]
    private void DeployToStaging() { }

    [Step("Hit any front-end page once",
        Purpose = "the first request runs the pending migrations")]
    [Modifies("staging site"), NoRollback(TestSiteIsDisposable)]
    [Command("curl -fsS -o /dev/null {StagingUrl}/")]
    private void HitFrontEndPage() { }

    [Step("Confirm the version was stamped")]
    [Verifies("staging site")]
    [Command("wp option get ck_join_flow_db_version --path={StagingWpPath}")]
    [Check("wp option get ck_join_flow_db_version now returns the released version")]
    [Check("WP-CLI runs without a type error from Upgrade::check (the init callback takes no arguments)")]
    private void ConfirmVersionStamped() { }

    [Step("Confirm the plans were re-keyed")]
    [Verifies("staging site")]
    [Command("""wp option list --search="ck_join_flow_membership_plan_*" --path={StagingWpPath}""")]
    [Check("New-format ck_join_flow_membership_plan_* options now exist alongside the old ones")]
    private void ConfirmPlansRekeyed() { }

    [Step("Create a subscription with a new-format plan",
        Instructions = "Hit /wp-json/join/v1/stripe/create-subscription on staging with the new-format planId (Stripe test mode).")]
    [Verifies("staging site")]
    [Check("A Stripe subscription is created")]
    private void CreateSubscriptionWithNewPlan() { }

    [Step("Fresh-install test",
        Instructions = "On a site with no ck_join_flow_db_version and no plans configured, install the release and load any page.")]
    [Section("Fresh install")]
    [Modifies("scratch site"), NoRollback(TestSiteIsDisposable)]
    [Command("wp option get ck_join_flow_db_version --path={FreshWpPath}")]
    [Check("init doesn't error")]
    [Check("The version is stamped to current")]
    private void FreshInstallTest() { }

    [Step("Approve the production deploy")]
    [Section("Production")]
    [Approval("Release manager")]
    [Check("Staging and fresh-install results above are all as expected")]
    private void ApproveProductionDeploy() { }

    [Step("Deploy the release to production",
        Instructions = "The first request after the deploy runs the migrations; the runtime fallback in getMembershipPlan() stays in place as a safety net.")]
    [Modifies("production site"), RollbackWith(nameof(RedeployPreviousRelease))]
    [Check("The release build is installed on production")]
    private void DeployToProduction() { }

    [Step("Inspect the logs after deploy", Timeout = "00:30:00")]
    [Verifies("production site")]
    [Command("""grep -c "Running join-flow upgrade from" {ProductionLogFile}""")]
    [Check("Running join-flow upgrade from X.Y.Z to A.B.C appears once")]
    [Check("It is absent on subsequent requests")]
    private void InspectLogsAfterDeploy() { }

    [Rollback("Revert the version bump",
        Instructions = "The bump is the only change in the release checkout at this point.")]
    [Command("cd {RepoPath} && git checkout -- .")]
    private void RevertVersionBump() { }

    [Rollback("Redeploy the previous release",
        Instructions = "Redeploy the previous release build. The rekey migration only adds options, so the legacy ones are still there for the old code. Deleting the stamped version makes the dispatcher run the migrations again on the next upgrade (they are idempotent).")]
    [Command("wp option delete ck_join_flow_db_version --path={ProductionWpPath}")]
    private void RedeployPreviousRelease() { }
}
