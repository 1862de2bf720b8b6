using ChecklistDsl;

namespace SampleChecklists;

/// <summary>
/// A stand-in for the production-to-staging sync seed: every "system" is a file in WorkDir. Each
/// command appends a marker line to WorkDir/log, so tests can count what ran. Creating
/// WorkDir/fail-import makes the import fail (to exercise the rollback path).
/// </summary>
[Checklist("Sync production to staging", Environment = "production", Owner = "ops",
    Summary = "Copy production's files and database to staging; staging is overwritten.")]
public partial class ProductionToStagingSync
{
    [Input("Folder standing in for the servers")] public string WorkDir { get; set; } = "";
    [Input("Staging host")] public string StagingHost { get; set; } = "";
    [Secret("API token of the hosting provider")] public string ApiToken { get; init; } = "";

    [Step("Confirm the sync window", Purpose = "nobody is testing on staging right now")]
    [Approval("Release manager")]
    [Check("Staging users were told")]
    [Command("echo approve-window >> {WorkDir}/log")]
    void ConfirmSyncWindow() { }

    [Step("Check the provider API"), Section("Preparation"), Verifies("provider api")]
    [Command("echo calling the provider for {StagingHost} with {ApiToken}")]
    [Command("echo check-api >> {WorkDir}/log")]
    void CheckProviderApi() { }

    [Step("Back up the staging database"), Section("Backup")]
    [Backup("staging database", Verified = true, OffSite = true)]
    [Command("echo staging-data > {WorkDir}/staging.bak")]
    [Command("echo backup >> {WorkDir}/log")]
    void BackUpStagingDatabase() { }

    [Step("Sync files"), Section("Sync"), Modifies("staging files"), RollbackWith(nameof(RestoreStagingFiles))]
    [Command("echo sync-files >> {WorkDir}/log")]
    void SyncFiles() { }

    [Step("Drop the staging database"), Destroys("staging database"), RollbackWith(nameof(RestoreStagingDatabase))]
    [Command("echo drop-db >> {WorkDir}/log")]
    void DropStagingDatabase() { }

    [Step("Import the production dump", Timeout = "00:01:00"), Modifies("staging database"), RollbackWith(nameof(RestoreStagingDatabase))]
    [Command("echo import-db >> {WorkDir}/log")]
    [Command("test ! -e {WorkDir}/fail-import")]
    void ImportProductionDump() { }

    [Step("Flush the staging cache", Optional = true)]
    [Command("echo flush-cache >> {WorkDir}/log && test ! -e {WorkDir}/fail-flush")]
    void FlushStagingCache() { }

    [Step("Verify staging"), Verifies("staging site")]
    [Check("Home page loads")]
    [Check("Login works")]
    [Command("echo verify >> {WorkDir}/log")]
    void VerifyStaging() { }

    [Rollback("Restore the staging files")]
    [Command("echo restore-files >> {WorkDir}/log")]
    void RestoreStagingFiles() { }

    [Rollback("Restore the staging database from the backup")]
    [Command("echo restore-db >> {WorkDir}/log")]
    void RestoreStagingDatabase() { }
}
