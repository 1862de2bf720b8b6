using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK005BackupNotVerifiedOrOffSiteTests
{
    private const string Tail = """
            [Step("Restore database"), Destroys("database"), NoRollback("The backup is the rollback")] void Restore() { }
            [Step, Verifies("database")] void Check() { }
        }
        """;

    [TestMethod]
    public async Task Relied_on_backup_that_is_not_verified_is_reported_on_the_Backup_attribute_as_a_warning()
    {
        await Verify.AnalyzerAsync("""
            [Checklist(Environment = "production")]
            public partial class RestoreDatabase
            {
                [Step, Approval("DBA")] void Approve() { }
                [Step("Back up database"), {|#0:Backup("database", OffSite = true)|}] void BackUp() { }
            """ + Tail,
            Verify.Diagnostic("CHK005", 0).WithMessage("Step 'Back up database' backs up 'database', which step 'Restore database' later destroys, but the backup is not verified; set Verified = true on its [Backup] once that is true"));
    }

    [TestMethod]
    public async Task Only_the_latest_backup_before_the_destroy_is_relied_on()
    {
        await Verify.AnalyzerAsync("""
            [Checklist(Environment = "production")]
            public partial class RestoreDatabase
            {
                [Step, Approval("DBA")] void Approve() { }
                [Step, Backup("database", Verified = true, OffSite = true)] void BackUpGood() { }
                [Step, {|CHK005:Backup("database")|}] void BackUpAgain() { }
            """ + Tail);
    }

    [TestMethod]
    public async Task Verified_off_site_backup_is_safe_and_non_production_is_not_checked()
    {
        await Verify.AnalyzerAsync("""
            [Checklist(Environment = "production")]
            public partial class RestoreDatabase
            {
                [Step, Approval("DBA")] void Approve() { }
                [Step, Backup("database", Verified = true, OffSite = true)] void BackUp() { }
            """ + Tail + """

            [Checklist]
            public partial class RestoreStaging
            {
                [Step, Backup("database")] void BackUp() { }
                [Step, Destroys("database")] void Restore() { }
                [Step, Verifies("database")] void Check() { }
            }
            """);
    }

    [TestMethod]
    public async Task AssumeSafe_on_the_backup_step_accepts_it()
    {
        await Verify.AnalyzerAsync("""
            [Checklist(Environment = "production")]
            public partial class RestoreDatabase
            {
                [Step, Approval("DBA")] void Approve() { }
                [Step, Backup("database"), AssumeSafe("CHK005", "The dump is restored into staging every night")] void BackUp() { }
            """ + Tail);
    }
}
