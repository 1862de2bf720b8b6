using ChecklistDsl;

namespace Samples.Sync
{
    [Checklist(Summary = "Copy production's files and database to staging.\nStaging is overwritten.", Environment = "staging")]
    public partial class ProductionToStagingSync
    {
        [Input("Staging host")] public string StagingHost { get; set; } = "staging.example.org";
        [Secret("Database password")] public string DbPassword { get; init; } = "";

        [Step(Instructions = "Exclude media: it lives in S3.\n1. Run rsync\n2. Check the count"), Section("Files")]
        [Modifies("staging files"), RollbackWith(nameof(RestoreStaging))]
        [Command("rsync -az --exclude uploads/ prod:/var/www/ {StagingHost}:/var/www/")]
        void SyncContent() { }

        [Step("Back up the production database"), Section("Database")]
        [Backup("staging database", "production database")]
        [Command("mysqldump -u app prod > prod.sql")]
        void BackUpDatabase() { }

        [Step("Transfer the backup", Optional = true), Modifies("staging disk"), RollbackWith(nameof(RestoreStaging))]
        [Command("scp prod.sql {StagingHost}:/tmp/prod.sql")]
        void TransferBackup() { }

        [Step("Drop the staging database"), Destroys("staging database"), NoRollback("the import that follows replaces it")]
        [AssumeSafe("CHK005", "staging data is disposable")]
        [Command("mysql -e 'DROP DATABASE staging'")]
        void DropStagingDatabase() { }

        [Step("Import | rewrite URLs", Timeout = "00:20:00")]
        [Modifies("staging database"), RollbackWith(nameof(ReimportDatabase))]
        [Command("mysql staging < /tmp/prod.sql")]
        [Command("wp search-replace 'https://example.org' 'https://{StagingHost}' --all-tables")]
        void ImportDatabase() { }

        [Step, Verifies("staging site")]
        [Check("Staging `home` URL is https://{StagingHost}")]
        void VerifyStaging() { }

        [Rollback(Instructions = "Restore the staging snapshot taken by the host.")]
        [Command("restore-snapshot {StagingHost}")]
        void RestoreStaging() { }

        [Rollback("Re-import the previous dump")]
        [Command("mysql staging < /tmp/previous.sql")]
        void ReimportDatabase() { }
    }
}
