using ChecklistDsl;

namespace Checklists;

/// <summary>
/// Seed 003: the Jenkins pipeline that syncs a site from production to its staging copy in six
/// stages (rsync the files, back up the production database, transfer it, drop the staging
/// database, import, rewrite the URLs). Two things the original leaves out are added because the
/// build refuses the plan without them: staging is backed up before the sync overwrites its files
/// and drops its database, and the result is verified.
/// </summary>
[Checklist("Sync production to staging",
    Environment = "staging",
    Summary = "Make the staging site mirror production before monthly maintenance: files by rsync (media stay on S3), then the database, then the URLs. Each stage is one bash script of the Jenkins pipeline; production is only read.",
    Owner = "DevOps")]
public partial class ProductionToStagingSync
{
    [Input("SSH user and host of the production application server, for example deploy@prod-app")]
    public string ProductionSsh { get; init; } = "";

    [Input("Web root of the site on the production server, for example /var/www/html")]
    public string ProductionWebRoot { get; init; } = "";

    [Input("Host of the production database server (its credentials come from ~/.my.cnf on the production server)")]
    public string ProductionDbHost { get; init; } = "";

    [Input("Name of the production database")]
    public string ProductionDbName { get; init; } = "";

    [Input("Web root of the staging site on the staging server")]
    public string StagingWebRoot { get; init; } = "";

    [Input("Host of the staging database (the staging container)")]
    public string StagingDbHost { get; init; } = "";

    [Input("Name of the staging database")]
    public string StagingDbName { get; init; } = "";

    [Input("MySQL user of the staging database")]
    public string StagingDbUser { get; init; } = "";

    [Secret("Password of the staging database user")]
    public string StagingDbPassword { get; init; } = "";

    [Input("Folder on the staging server for backups and the transferred dump")]
    public string BackupDir { get; init; } = "";

    [Input("Production site URL, for example https://www.example.com")]
    public string ProductionUrl { get; init; } = "";

    [Input("Staging site URL, for example https://staging.example.com")]
    public string StagingUrl { get; init; } = "";

    [Input("The site is a WordPress site (its URLs are stored in the database)")]
    public bool IsWordPress { get; init; } = true;

    [Step("Back up the staging site",
        Purpose = "the sync overwrites staging's files and drops its database: keep a way back",
        Instructions = "Not one of the six original stages: without it, stage 1 and stage 4 would destroy staging work that exists nowhere else.")]
    [Section("Before the sync")]
    [Backup("staging files", "staging database")]
    [Command("tar -czf {BackupDir}/staging-files-$(date +%s).tar.gz -C {StagingWebRoot} .")]
    [Command("MYSQL_PWD={StagingDbPassword} mysqldump --single-transaction -h {StagingDbHost} -u {StagingDbUser} {StagingDbName} | gzip > {BackupDir}/staging-db-$(date +%s).sql.gz")]
    [Check("Both archives exist and are not empty")]
    private void BackUpStaging() { }

    [Step("Stage 1: Sync content from production",
        Purpose = "content synchronization from production to staging with rsync",
        Instructions = "Media files are excluded: they are hosted on an S3 bucket. wp-config.php is excluded so that staging keeps its own database credentials (otherwise the later stages would write to the production database).")]
    [Section("Pipeline stages")]
    [Destroys("staging files"), RollbackWith(nameof(RestoreStagingFiles))]
    [Command("rsync -az --delete --exclude=wp-content/uploads/ --exclude=wp-config.php {ProductionSsh}:{ProductionWebRoot}/ {StagingWebRoot}/", Retries = 2, RetryDelay = "00:00:30")]
    [Check("rsync finished without errors")]
    private void SyncContent() { }

    [Step("Stage 2: Back up the production database",
        Purpose = "a backup of the database is created on the production server")]
    [Backup("production database")]
    [Command("ssh {ProductionSsh} \"mysqldump --single-transaction -h {ProductionDbHost} {ProductionDbName} | gzip > /tmp/{ProductionDbName}-sync.sql.gz\"")]
    [Check("Dump created on the production server")]
    private void BackUpProductionDatabase() { }

    [Step("Stage 3: Transfer the backup to staging",
        Purpose = "the database backup is transferred to the staging server")]
    [Command("scp {ProductionSsh}:/tmp/{ProductionDbName}-sync.sql.gz {BackupDir}/production-sync.sql.gz", Retries = 2, RetryDelay = "00:00:30")]
    [Check("Dump present on the staging server with the same size")]
    private void TransferBackup() { }

    [Step("Stage 4: Drop the staging database",
        Purpose = "the current database on the staging server is dropped")]
    [Destroys("staging database"), RollbackWith(nameof(RestoreStagingDatabase))]
    [Command("MYSQL_PWD={StagingDbPassword} mysql -h {StagingDbHost} -u {StagingDbUser} -e \"DROP DATABASE IF EXISTS {StagingDbName}\"")]
    private void DropStagingDatabase() { }

    [Step("Stage 5: Import the backup",
        Purpose = "the backup is imported to restore the database on the staging server")]
    [Modifies("staging database"), RollbackWith(nameof(RestoreStagingDatabase))]
    [Command("MYSQL_PWD={StagingDbPassword} mysql -h {StagingDbHost} -u {StagingDbUser} -e \"CREATE DATABASE {StagingDbName}\"")]
    [Command("gunzip -c {BackupDir}/production-sync.sql.gz | MYSQL_PWD={StagingDbPassword} mysql -h {StagingDbHost} -u {StagingDbUser} {StagingDbName}")]
    [Check("Import finished without errors")]
    private void ImportBackup() { }

    [Step("Stage 6: Update URLs to staging",
        Purpose = "the URLs in the database reflect the staging environment's URL",
        Instructions = "Only for WordPress sites: other sites keep no URLs in the database.")]
    [When(nameof(IsWordPress))]
    [Modifies("staging database"), RollbackWith(nameof(RestoreStagingDatabase))]
    [Command("wp search-replace {ProductionUrl} {StagingUrl} --all-tables --skip-columns=guid --path={StagingWebRoot}")]
    [Check("The replacement count is not zero")]
    private void UpdateUrls() { }

    [Step("Verify the staging site",
        Purpose = "staging mirrors production before updates are tried on it")]
    [Section("After the sync")]
    [Verifies("staging site")]
    [Command("wp option get siteurl --path={StagingWebRoot}")]
    [WaitUntil("curl -fsS -o /dev/null {StagingUrl}/", Every = "00:00:10", Timeout = "00:03:00")]
    [Check("siteurl is the staging URL")]
    [Check("The staging home page loads")]
    [Check("Media still load from S3 and CloudFront")]
    private void VerifyStaging() { }

    [Rollback("Restore the staging files",
        Instructions = "Restores the newest archive made before the sync; check its timestamp is from before this run.")]
    [Command("""tar -xzf "$(ls -t {BackupDir}/staging-files-*.tar.gz | head -1)" -C {StagingWebRoot}""")]
    private void RestoreStagingFiles() { }

    [Rollback("Restore the staging database",
        Instructions = "Restores the newest dump made before the sync; check its timestamp is from before this run.")]
    [Command("MYSQL_PWD={StagingDbPassword} mysql -h {StagingDbHost} -u {StagingDbUser} -e \"DROP DATABASE IF EXISTS {StagingDbName}; CREATE DATABASE {StagingDbName}\"")]
    [Command("""gunzip -c "$(ls -t {BackupDir}/staging-db-*.sql.gz | head -1)" | MYSQL_PWD={StagingDbPassword} mysql -h {StagingDbHost} -u {StagingDbUser} {StagingDbName}""")]
    private void RestoreStagingDatabase() { }
}
