using ChecklistDsl.Analyzers.Tests.Infrastructure;
using ChecklistDsl.CodeFixes;

namespace ChecklistDsl.Analyzers.Tests.CodeFixes;

[TestClass]
public sealed class AddBackupStepCodeFixTests
{
    [TestMethod]
    public async Task Inserts_a_backup_step_stub_before_the_destructive_step()
    {
        await new ChecklistCodeFixTest<AddBackupStepCodeFix>
        {
            TestCode = """
                using ChecklistDsl;

                [Checklist("Sync staging")]
                public partial class SyncStaging
                {
                    [Step("Copy files")]
                    void CopyFiles() { }

                    [Step("Drop staging database"), {|CHK001:Destroys("staging database")|}]
                    void DropStagingDatabase() { }

                    [Step, Verifies("site")]
                    void CheckSite() { }
                }
                """,
            FixedCode = """
                using ChecklistDsl;

                [Checklist("Sync staging")]
                public partial class SyncStaging
                {
                    [Step("Copy files")]
                    void CopyFiles() { }

                    [Step("Back up staging database")]
                    [Backup("staging database")]
                    void BackUpStagingDatabase() { }

                    [Step("Drop staging database"), Destroys("staging database")]
                    void DropStagingDatabase() { }

                    [Step, Verifies("site")]
                    void CheckSite() { }
                }
                """,
        }.RunAsync();
    }

    [TestMethod]
    public async Task Fix_all_adds_one_backup_per_resource_before_its_first_destroy_with_fresh_names()
    {
        await new ChecklistCodeFixTest<AddBackupStepCodeFix>
        {
            TestCode = """
                namespace Ops
                {
                    [ChecklistDsl.Checklist]
                    public partial class Sync
                    {
                        public int BackUpDb { get; set; }
                        [ChecklistDsl.Step, {|CHK001:{|CHK001:ChecklistDsl.Destroys("db", "uploads")|}|}] void Drop() { }
                        [ChecklistDsl.Step, {|CHK001:ChecklistDsl.Destroys("DB")|}] void DropAgain() { }
                        [ChecklistDsl.Step, ChecklistDsl.Verifies("db")] void Check() { }
                    }
                }
                """,
            FixedCode = """
                namespace Ops
                {
                    [ChecklistDsl.Checklist]
                    public partial class Sync
                    {
                        public int BackUpDb { get; set; }
                        [global::ChecklistDsl.Step("Back up db")]
                        [global::ChecklistDsl.Backup("db")]
                        void BackUpDb2() { }
                        [global::ChecklistDsl.Step("Back up uploads")]
                        [global::ChecklistDsl.Backup("uploads")]
                        void BackUpUploads() { }
                        [ChecklistDsl.Step, ChecklistDsl.Destroys("db", "uploads")] void Drop() { }
                        [ChecklistDsl.Step, ChecklistDsl.Destroys("DB")] void DropAgain() { }
                        [ChecklistDsl.Step, ChecklistDsl.Verifies("db")] void Check() { }
                    }
                }
                """,
        }.RunAsync();
    }
}
