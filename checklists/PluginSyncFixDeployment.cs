using ChecklistDsl;

namespace Checklists;

/// <summary>
/// Seed 000: the deployment checklist for the IGNY8 bridge plugin's site-structure sync fix
/// (version 1.0, November 22, 2025). Code review, backups, staging deploy and eight functional
/// tests, performance and security review, sign-off, production deploy (three methods), smoke
/// tests, 24-hour monitoring, the rollback plan, post-deployment work and cleanup.
/// </summary>
[Checklist("WordPress plugin sync fix deployment",
    Environment = "production",
    Summary = "Deploy the IGNY8 bridge plugin's site-structure sync fix: review the code, back up, prove it in staging, sign off, deploy to production, smoke-test and watch it for 24 hours. Risk level: low (non-breaking changes).",
    Owner = "Development team, with QA, DevOps and Product signing off")]
public partial class PluginSyncFixDeployment
{
    // Staging is a throwaway copy of production; the staging sign-off loop fixes and redeploys
    // instead of rolling back, so staging changes opt out of a rollback procedure.
    private const string StagingIsDisposable =
        "Staging is a disposable copy of production: a bad staging change is fixed and redeployed (the staging sign-off loop), never rolled back.";

    [Input("Folder of the plugin's source checkout (holds includes/, admin/, sync/ and tests/)")]
    public string PluginSource { get; init; } = "";

    [Input("Several WordPress sites are connected to the backend")]
    public bool MultipleSites { get; init; }

    [Input("Path of the staging WordPress installation (the document's staging-wp)")]
    public string StagingWpPath { get; init; } = "";

    [Input("Path of the production WordPress installation on the production server, for example /var/www/html")]
    public string ProductionWpPath { get; init; } = "";

    [Input("SSH user and host of the production server, for example user@prod-server")]
    public string ProductionSsh { get; init; } = "";

    [Input("Folder where backups are kept (a safe place, off the web root)")]
    public string BackupDir { get; init; } = "";

    [Input("Host of the IGNY8 backend PostgreSQL server")]
    public string BackendDbHost { get; init; } = "";

    [Input("PostgreSQL user that may dump the IGNY8 backend database")]
    public string BackendDbUser { get; init; } = "";

    [Input("Name of the IGNY8 backend database, for example igny8_production")]
    public string BackendDatabase { get; init; } = "";

    [Secret("Password of the IGNY8 backend PostgreSQL user")]
    public string BackendDbPassword { get; init; } = "";

    // ---------------------------------------------------------------- Pre-deployment: code review

    [Step("Review changes in includes/functions.php"), Section("Code review")]
    [Check("Enhanced igny8_sync_site_structure_to_backend() function reviewed")]
    [Check("Better error handling and response parsing reviewed")]
    [Check("Platform filter added to the API query reviewed")]
    [Check("Improved debug logging reviewed")]
    private void ReviewFunctionsPhp() { }

    [Step("Review changes in admin/class-admin.php")]
    [Check("User feedback messages added")]
    [Check("Non-blocking approach maintained")]
    [Check("Connection still succeeds even if sync fails")]
    private void ReviewClassAdminPhp() { }

    [Step("Review changes in includes/class-igny8-api.php")]
    [Check("POST request debug logging added")]
    [Check("Respects the WP_DEBUG and IGNY8_DEBUG flags")]
    [Check("Token refresh logic preserved")]
    private void ReviewClassIgny8ApiPhp() { }

    [Step("Review new test file tests/test-sync-structure.php")]
    [Check("Diagnostic script for troubleshooting")]
    [Check("Can be run standalone")]
    private void ReviewSyncStructureTest() { }

    [Step("Review documentation")]
    [Check("SYNC-FIX-REPORT.md: technical details")]
    [Check("SYNC-FIX-EXECUTIVE-SUMMARY.md: overview")]
    [Check("SYNC-DATA-FLOW-DIAGRAM.md: data flow visual")]
    [Check("This checklist: deployment guide")]
    private void ReviewDocumentation() { }

    [Step("Approve the code review",
        Purpose = "nothing is deployed anywhere, staging included, before the reviewed changes are accepted")]
    [Approval("Code reviewer")]
    [Check("Every file above reviewed")]
    private void ApproveCodeReview() { }

    // ---------------------------------------------------------------- Pre-deployment: backup

    [Step("Backup WordPress database"), Section("Backup")]
    [Backup("WordPress database")]
    [Command("wp db export --path={ProductionWpPath} {BackupDir}/wordpress-$(date +%s).sql")]
    [Check("Export file kept in a safe place")]
    private void BackupWordPressDatabase() { }

    [Step("Backup IGNY8 backend database",
        Instructions = "If the backend runs in Docker, dump it inside the container instead: docker exec igny8_db pg_dump -U postgres igny8_production > backup.sql.")]
    [Backup("IGNY8 backend database")]
    [Command("PGPASSWORD={BackendDbPassword} pg_dump -h {BackendDbHost} -U {BackendDbUser} {BackendDatabase} > {BackupDir}/igny8-backend-$(date +%s).sql")]
    [Check("Dump file kept in a safe place")]
    private void BackupBackendDatabase() { }

    [Step("Backup current plugin files")]
    [Backup("plugin files")]
    [Command("tar -czf {BackupDir}/plugin-backup-$(date +%s).tar.gz -C {ProductionWpPath}/wp-content/plugins/igny8-bridge includes/ admin/ sync/")]
    [Check("Archive holds includes/, admin/ and sync/")]
    private void BackupPluginFiles() { }

    [Step("Document current state")]
    [Check("Active integrations noted")]
    [Check("Custom configurations documented")]
    private void DocumentCurrentState() { }

    // ---------------------------------------------------------------- Pre-deployment: testing environment

    [Step("Set up staging environment"), Section("Testing environment")]
    [Modifies("staging site"), NoRollback(StagingIsDisposable)]
    [Check("Fresh copy of WordPress")]
    [Check("Fresh copy of the IGNY8 backend")]
    [Check("Sufficient test data")]
    private void SetUpStagingEnvironment() { }

    [Step("Verify test environment is isolated")]
    [Verifies("staging site")]
    [Check("Different database")]
    [Check("Different API endpoints (if possible)")]
    [Check("No production data")]
    private void VerifyTestEnvironmentIsolated() { }

    // ---------------------------------------------------------------- Staging deployment

    [Step("Copy modified files to staging WordPress",
        Instructions = "Staging commands run in a shell on the staging host; paths are absolute.")]
    [Section("Deploy code to staging")]
    [Modifies("staging site"), NoRollback(StagingIsDisposable)]
    [Command("cp {PluginSource}/includes/functions.php {StagingWpPath}/wp-content/plugins/igny8-bridge/includes/")]
    [Command("cp {PluginSource}/admin/class-admin.php {StagingWpPath}/wp-content/plugins/igny8-bridge/admin/")]
    [Command("cp {PluginSource}/includes/class-igny8-api.php {StagingWpPath}/wp-content/plugins/igny8-bridge/includes/")]
    private void CopyModifiedFilesToStaging() { }

    [Step("Copy test file to staging")]
    [Modifies("staging site"), NoRollback(StagingIsDisposable)]
    [Command("cp {PluginSource}/tests/test-sync-structure.php {StagingWpPath}/wp-content/plugins/igny8-bridge/tests/")]
    private void CopyTestFileToStaging() { }

    [Step("Verify plugin is still active on staging")]
    [Verifies("staging site")]
    [Command("wp plugin list --path={StagingWpPath} | grep igny8-bridge")]
    [Check("igny8-bridge is listed as active")]
    private void VerifyStagingPluginActive() { }

    [Step("Enable WordPress debug logging",
        Instructions = "In the staging wp-config.php, set define('WP_DEBUG', true);, define('WP_DEBUG_LOG', true); and define('IGNY8_DEBUG', true);. Staging only: the Cleanup section switches them off again.")]
    [Section("Configure debug logging (staging only)")]
    [Modifies("staging site"), NoRollback(StagingIsDisposable)]
    [Check("WP_DEBUG set to true")]
    [Check("WP_DEBUG_LOG set to true")]
    [Check("IGNY8_DEBUG set to true")]
    private void EnableDebugLogging() { }

    [Step("Verify log file exists")]
    [Verifies("staging site")]
    [Command("ls -la {StagingWpPath}/wp-content/debug.log")]
    [Check("wp-content/debug.log exists")]
    private void VerifyLogFileExists() { }

    // ---------------------------------------------------------------- Staging: functional testing

    [Step("Test 1: Connection"), Section("Functional testing")]
    [Verifies("staging site")]
    [Check("Went to WordPress Admin, Settings, IGNY8 API, entered credentials and clicked Connect to IGNY8")]
    [Check("Verify: success message appears")]
    [Check("Verify: the Site structure synced message appears (or will be retried)")]
    private void TestConnection() { }

    [Step("Test 2: Debug logging")]
    [Verifies("staging site")]
    [Command("tail -50 {StagingWpPath}/wp-content/debug.log | grep IGNY8")]
    [Check("Log shows: Sending structure sync to endpoint...")]
    [Check("Log shows: DEBUG POST: .../update-structure/")]
    [Check("Log shows: DEBUG POST RESPONSE: Status=200")]
    [Check("Log shows: Site structure synced successfully")]
    private void TestDebugLogging() { }

    [Step("Test 3: Backend storage",
        Instructions = "In the Django shell run from igny8_core.business.integration.models import SiteIntegration, then si = SiteIntegration.objects.filter(platform='wordpress').first() and print(si.config_json.get('content_types', {}).keys()).")]
    [Verifies("staging site")]
    [Command("docker exec -it igny8_backend python manage.py shell")]
    [Check("The content_types keys are post_types, taxonomies and last_structure_fetch")]
    private void TestBackendStorage() { }

    [Step("Test 4: Frontend display",
        Instructions = "Navigate to Site Settings, Content Types tab.")]
    [Verifies("staging site")]
    [Check("Verify: Post Types section shown")]
    [Check("Verify: Taxonomies section shown")]
    [Check("Verify: counts shown for each item")]
    [Check("Verify: Structure last fetched timestamp shown")]
    private void TestFrontendDisplay() { }

    [Step("Test 5: Diagnostic script")]
    [Verifies("staging site")]
    [Command("wp eval-file --path={StagingWpPath} {StagingWpPath}/wp-content/plugins/igny8-bridge/tests/test-sync-structure.php")]
    [Check("Verify: all tests pass (6/6)")]
    private void TestDiagnosticScript() { }

    [Step("Test 6: Error scenarios",
        Instructions = "Disable the staging backend temporarily and try to connect; then re-enable the backend and try the connection again. The step is done only when the backend is enabled again.")]
    [Modifies("staging IGNY8 backend"), NoRollback("The test itself re-enables the staging backend before it completes; production is not involved.")]
    [Check("Backend disabled temporarily and connection tried")]
    [Check("Verify: connection fails with a clear error")]
    [Check("Verify: debug log shows the connection error")]
    [Check("Backend re-enabled and connection tried again")]
    [Check("Verify: works correctly")]
    private void TestErrorScenarios() { }

    [Step("Test 7: Cron job",
        Instructions = "wp cron test may be run first to check that WP-Cron works at all.")]
    [Verifies("staging site")]
    [Command("wp cron event list --path={StagingWpPath} | grep igny8_sync_site_structure")]
    [Command("wp cron event run igny8_sync_site_structure --path={StagingWpPath}")]
    [Check("Daily cron event igny8_sync_site_structure is scheduled")]
    [Check("Verify: logs show successful sync")]
    private void TestCronJob() { }

    [Step("Test 8: Multiple sites",
        Instructions = "Test with the multiple WordPress sites connected.")]
    [When(nameof(MultipleSites))]
    [Verifies("staging site")]
    [Check("Verify: each shows correct post types and taxonomies")]
    [Check("Verify: no data leakage between sites")]
    private void TestMultipleSites() { }

    // ---------------------------------------------------------------- Staging: performance, security, regression

    [Step("Load test: multiple simultaneous sync requests"), Section("Performance testing")]
    [Verifies("staging site")]
    [Check("No timeouts")]
    [Check("No memory issues")]
    [Check("Database performs well")]
    private void LoadTest() { }

    [Step("Monitor resources during sync")]
    [Verifies("staging site")]
    [Check("CPU usage reasonable")]
    [Check("Memory stable")]
    [Check("No database locks")]
    private void MonitorResourcesDuringSync() { }

    [Step("Verify API credentials not logged"), Section("Security review")]
    [Verifies("staging site")]
    [Check("Debug log checked")]
    [Check("Authorization headers masked (Bearer ***)")]
    [Check("API keys not exposed")]
    private void VerifyCredentialsNotLogged() { }

    [Step("Verify access control")]
    [Verifies("staging site")]
    [Check("Only authenticated users can trigger sync")]
    [Check("Only owners can see their site data")]
    [Check("Cross-site access denied")]
    private void VerifyAccessControl() { }

    [Step("Verify existing functionality still works"), Section("Regression testing")]
    [Verifies("staging site")]
    [Check("Plugin connection (original method)")]
    [Check("Manual sync buttons")]
    [Check("Post sync operations")]
    [Check("Taxonomy sync operations")]
    [Check("Webhook handling")]
    private void VerifyExistingFunctionality() { }

    [Step("QA approval",
        Instructions = "If issues are found: document the issue, fix the code, re-test, and return to staging sign-off. Reject to stop the deployment here.")]
    [Section("Staging sign-off")]
    [Approval("QA")]
    [Check("All staging tests above passed")]
    private void QaApproval() { }

    // ---------------------------------------------------------------- Production deployment

    [Step("Confirm production readiness",
        Instructions = "From here on, production commands run in a shell on the production server; paths are absolute.")]
    [Section("Pre-deployment confirmation")]
    [Check("Staging tests passed")]
    [Check("QA sign-off obtained")]
    [Check("Stakeholders notified")]
    [Check("Maintenance window scheduled (if needed)")]
    [Check("Rollback plan documented")]
    [Check("Timing: deploying during a low-traffic period")]
    private void ConfirmProductionReadiness() { }

    [Step("Method 1: FTP/SFTP", Optional = true,
        Instructions = "Use exactly one of the three deployment methods and skip the other two.")]
    [Section("Deploy to production")]
    [Modifies("plugin files"), RollbackWith(nameof(RestorePluginFiles))]
    [Command("scp -r {PluginSource}/includes/ {PluginSource}/admin/ {PluginSource}/sync/ {ProductionSsh}:{ProductionWpPath}/wp-content/plugins/igny8-bridge/")]
    private void DeployWithSftp() { }

    [Step("Method 2: Git deploy", Optional = true,
        Instructions = "Use exactly one of the three deployment methods and skip the other two.")]
    [Modifies("plugin files"), RollbackWith(nameof(RestorePluginFiles))]
    [Command("cd {ProductionWpPath}/wp-content/plugins/igny8-bridge/ && git pull origin main")]
    private void DeployWithGit() { }

    [Step("Method 3: WordPress Admin", Optional = true,
        Instructions = "Use exactly one of the three deployment methods and skip the other two.")]
    [Modifies("plugin files"), RollbackWith(nameof(RestorePluginFiles))]
    [Check("Plugin zip file uploaded")]
    [Check("Clicked Install")]
    [Check("Plugin activated")]
    private void DeployWithWordPressAdmin() { }

    [Step("Plugin still active"), Section("Verify deployment")]
    [Verifies("production site")]
    [Command("wp plugin list --path={ProductionWpPath} | grep igny8-bridge")]
    [Check("igny8-bridge is listed as active")]
    private void VerifyProductionPluginActive() { }

    [Step("No PHP errors")]
    [Verifies("production site")]
    [Command("""grep -i "fatal\|error" {ProductionWpPath}/wp-content/debug.log | tail -20""")]
    [Check("No fatal errors or errors from the deployment")]
    private void VerifyNoPhpErrors() { }

    [Step("Files in correct locations")]
    [Verifies("production site")]
    [Command("ls -la {ProductionWpPath}/wp-content/plugins/igny8-bridge/includes/class-igny8-api.php")]
    [Command("ls -la {ProductionWpPath}/wp-content/plugins/igny8-bridge/admin/class-admin.php")]
    [Command("ls -la {ProductionWpPath}/wp-content/plugins/igny8-bridge/includes/functions.php")]
    [Check("All three files present with the new timestamps")]
    private void VerifyFileLocations() { }

    [Step("Verify connection still works"), Section("Smoke tests (production)")]
    [Verifies("production site")]
    [Check("Tested with the staging IGNY8 account first (if possible)")]
    [Check("Then tested with the production account")]
    private void SmokeTestConnection() { }

    [Step("Check debug logs")]
    [Verifies("production site")]
    [Command("tail -30 {ProductionWpPath}/wp-content/debug.log | grep IGNY8")]
    [Check("Sync messages present")]
    private void SmokeTestDebugLogs() { }

    [Step("Verify frontend displays content types")]
    [Verifies("production site")]
    [Check("Multiple sites checked, if applicable")]
    [Check("Counts are correct")]
    private void SmokeTestFrontend() { }

    [Step("Check that no errors in logs")]
    [Verifies("production site")]
    [Command("""grep -i "error" {ProductionWpPath}/wp-content/debug.log | tail -10""")]
    [Check("No new errors")]
    private void SmokeTestNoErrors() { }

    [Step("Hour 0-1: Active monitoring", Timeout = "01:00:00",
        Instructions = "If issues arise: do not panic (the changes are non-breaking); collect screenshots of errors, debug log excerpts (last 100 lines), browser console errors and backend logs; create an incident ticket; then decide: fix, or fail this step to roll back.")]
    [Section("Monitoring (first 24 hours)")]
    [Verifies("production site")]
    [Check("Debug logs checked every 10 minutes")]
    [Check("Error rates monitored")]
    [Check("Watched for user complaints")]
    private void MonitorFirstHour() { }

    [Step("Hour 1-6: Periodic checks", Timeout = "05:00:00")]
    [Verifies("production site")]
    [Check("Logs checked every 30 minutes")]
    [Check("Syncs completing")]
    [Check("Performance metrics monitored")]
    private void MonitorFirstSixHours() { }

    [Step("Hour 6-24: Daily monitoring", Timeout = "18:00:00")]
    [Verifies("production site")]
    [Check("Logs checked at start, middle and end of day")]
    [Check("Cron jobs running")]
    [Check("Monitored for anomalies")]
    private void MonitorFirstDay() { }

    // ---------------------------------------------------------------- Post-deployment

    [Step("Update deployment log"), Section("Documentation")]
    [Check("Version deployed")]
    [Check("Date and time")]
    [Check("Any issues encountered")]
    [Check("Resolution steps")]
    private void UpdateDeploymentLog() { }

    [Step("Update team documentation")]
    [Check("Points to SYNC-FIX-REPORT.md")]
    [Check("SYNC-DATA-FLOW-DIAGRAM.md shared")]
    [Check("Added to the internal knowledge base")]
    private void UpdateTeamDocumentation() { }

    [Step("Create support guide")]
    [Check("How to verify sync is working")]
    [Check("Common issues and solutions")]
    [Check("Who to contact for support")]
    private void CreateSupportGuide() { }

    [Step("Notify development team"), Section("Team communication")]
    [Check("Deployment completed successfully")]
    [Check("Link to documentation")]
    [Check("Questions invited")]
    private void NotifyDevelopmentTeam() { }

    [Step("Notify product team")]
    [Check("Feature is now active")]
    [Check("Users can see the Content Types tab")]
    [Check("Daily sync is automatic")]
    private void NotifyProductTeam() { }

    [Step("Notify support team")]
    [Check("How to troubleshoot issues")]
    [Check("Where to find logs")]
    [Check("Escalation path")]
    private void NotifySupportTeam() { }

    [Step("Disable WP_DEBUG if enabled",
        Instructions = "On every site where debug logging was enabled, set define('WP_DEBUG', false);, define('WP_DEBUG_LOG', false); and define('IGNY8_DEBUG', false); in wp-config.php.")]
    [Section("Cleanup")]
    [Modifies("debug settings"), NoRollback("Switching debug logging off returns wp-config.php to its normal settings; it is switched on again by hand if more diagnostics are needed.")]
    [Check("WP_DEBUG set to false")]
    [Check("WP_DEBUG_LOG set to false")]
    [Check("IGNY8_DEBUG set to false")]
    private void DisableDebugLogging() { }

    [Step("Clear debug logs", Optional = true)]
    [Destroys("debug log"), NoRollback("A deleted log cannot be brought back; it holds only this deployment's diagnostics.")]
    [AssumeSafe("CHK001", "The debug log holds only diagnostic output of this deployment; the excerpts an incident needs were collected while monitoring, so it is deleted without a backup.")]
    [Command("rm {ProductionWpPath}/wp-content/debug.log")]
    private void ClearDebugLogs() { }

    [Step("Clear cache")]
    [Modifies("object cache"), NoRollback("A flushed cache is rebuilt from the database on the next requests; there is nothing to restore.")]
    [Command("wp cache flush --path={ProductionWpPath}")]
    private void ClearCache() { }

    [Step("Archive backup files")]
    [Check("Backups kept for 30 days minimum")]
    [Check("Backup locations documented")]
    private void ArchiveBackupFiles() { }

    [Step("Confirm success criteria"), Section("Success criteria")]
    [Verifies("production site")]
    [Check("No PHP errors in logs")]
    [Check("Plugin connections working")]
    [Check("Frontend shows Content Types")]
    [Check("Debug logs show sync messages")]
    [Check("Users report success")]
    [Check("No performance degradation")]
    [Check("Cron jobs running")]
    [Check("No security issues")]
    private void ConfirmSuccessCriteria() { }

    [Step("Developer sign-off"), Section("Sign-off")]
    [Approval("Developer")]
    private void DeveloperSignOff() { }

    [Step("QA sign-off")]
    [Approval("QA")]
    private void QaSignOff() { }

    [Step("DevOps sign-off")]
    [Approval("DevOps")]
    private void DevOpsSignOff() { }

    [Step("Product sign-off")]
    [Approval("Product")]
    private void ProductSignOff() { }

    // ---------------------------------------------------------------- Rollback plan

    [Rollback("Restore plugin files from backup",
        Instructions = "Then test the connection again: it should revert to the previous behavior, and the plugin may need to be re-connected. Notify stakeholders that a rollback was performed, the feature is postponed and a new deployment is planned.")]
    [Command("""cp "$(ls -t {BackupDir}/plugin-backup-*.tar.gz | head -1)" {BackupDir}/current.tar.gz""")]
    [Command("tar -xzf {BackupDir}/current.tar.gz -C {ProductionWpPath}/wp-content/plugins/igny8-bridge/")]
    [Command("wp cache flush --path={ProductionWpPath}")]
    private void RestorePluginFiles() { }
}
