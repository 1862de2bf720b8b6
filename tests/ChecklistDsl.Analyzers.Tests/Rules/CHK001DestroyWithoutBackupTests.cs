using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK001DestroyWithoutBackupTests
{
    [TestMethod]
    public async Task Destroy_with_no_backup_before_it_is_reported_on_the_Destroys_attribute_with_the_fix()
    {
        await Verify.AnalyzerAsync("""
            [Checklist("Sync staging")]
            public partial class SyncStaging
            {
                [Step("Drop staging database"), {|#0:Destroys("staging database")|}]
                void DropStagingDatabase() { }

                [Step("Check site"), Verifies("site")]
                void CheckSite() { }
            }
            """,
            Verify.Diagnostic("CHK001", 0).WithMessage("Step 'Drop staging database' destroys 'staging database' but no earlier step backs it up; add a [Backup(\"staging database\")] step before it"));
        var descriptor = new ChecklistDsl.Generators.Analysis.ChecklistAnalyzer().SupportedDiagnostics.Single(d => d.Id == "CHK001");
        Assert.AreEqual(ChecklistDsl.Generators.Analysis.DiagnosticDescriptors.HelpLinkBase + "CHK001.md", descriptor.HelpLinkUri);
    }

    [TestMethod]
    public async Task A_backup_after_the_destroy_or_of_another_resource_does_not_count()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class SyncStaging
            {
                [Step, Backup("files")]
                void BackUpFiles() { }

                [Step, {|CHK001:{|CHK001:Destroys("staging database", "uploads")|}|}]
                void DropStagingDatabase() { }

                [Step, Backup("staging database")]
                void BackUpTooLate() { }

                [Step, Verifies("site")]
                void CheckSite() { }
            }
            """);
    }

    [TestMethod]
    public async Task Backup_before_the_destroy_is_safe_comparing_names_trimmed_and_case_insensitively()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class SyncStaging
            {
                [Step, Backup("  Staging Database ")]
                void BackUp() { }

                [Step, Destroys("staging database")]
                void Drop() { }

                [Step, Verifies("site")]
                void CheckSite() { }
            }
            """);
    }

    [TestMethod]
    public async Task AssumeSafe_with_a_reason_accepts_it_on_that_step_only()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class SyncStaging
            {
                [Step, Destroys("cache"), AssumeSafe("CHK001", "The cache is rebuilt from the database")]
                void ClearCache() { }

                [Step, {|CHK001:Destroys("cache")|}]
                void ClearCacheAgain() { }

                [Step, Verifies("site")]
                void CheckSite() { }
            }
            """);
    }

    [TestMethod]
    public async Task Step_order_is_declaration_order_across_partial_files_by_file_path()
    {
        // b.cs holds the backup, a.cs the destroy: by file path the destroy comes first.
        var test = new ChecklistAnalyzerTest();
        test.TestState.Sources.Add(("/checklists/a.cs", Verify.Usings + """
            public partial class Sync
            {
                [Step, {|CHK001:Destroys("db")|}] void Drop() { }
                [Step, Verifies("db")] void Check() { }
            }
            """));
        test.TestState.Sources.Add(("/checklists/b.cs", Verify.Usings + """
            [Checklist] public partial class Sync
            {
                [Step, Backup("db")] void BackUp() { }
            }
            """));
        await test.RunAsync();
    }
}
