using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK002ChangeWithoutRollbackTests
{
    [TestMethod]
    public async Task Production_change_without_rollback_is_reported_on_the_method_name()
    {
        await Verify.AnalyzerAsync("""
            [Checklist(Environment = " PROD ")]
            public partial class Deploy
            {
                [Step, Approval("QA lead")] void Approve() { }
                [Step("Apply updates"), Modifies("plugins")] void {|#0:ApplyUpdates|}() { }
                [Step, Modifies("theme"), NoRollback("   ")] void {|CHK002:UpdateTheme|}() { }
                [Step, Verifies("site")] void Monitor() { }
            }
            """,
            Verify.Diagnostic("CHK002", 0).WithMessage("Step 'Apply updates' changes 'plugins' in a production checklist but has no rollback; add [RollbackWith(nameof(...))] naming a [Rollback] method, or [NoRollback(\"why\")] with a real reason"));
    }

    [TestMethod]
    public async Task RollbackWith_or_a_reasoned_NoRollback_is_safe_and_non_production_is_not_checked()
    {
        await Verify.AnalyzerAsync("""
            [Checklist(Environment = "live")]
            public partial class Deploy
            {
                [Step, Approval("QA lead")] void Approve() { }
                [Step, Modifies("plugins"), RollbackWith(nameof(RestorePlugins))] void ApplyUpdates() { }
                [Step, Modifies("cache"), NoRollback("The cache rebuilds itself")] void ClearCache() { }
                [Step, Verifies("site")] void Monitor() { }
                [Rollback] void RestorePlugins() { }
            }

            [Checklist(Environment = "staging")]
            public partial class DeployStaging
            {
                [Step, Modifies("plugins")] void ApplyUpdates() { }
                [Step, Verifies("site")] void Monitor() { }
            }
            """);
    }

    [TestMethod]
    public async Task AssumeSafe_accepts_it()
    {
        await Verify.AnalyzerAsync("""
            [Checklist(Environment = "production")]
            public partial class Deploy
            {
                [Step, Approval("QA lead")] void Approve() { }
                [Step, Modifies("plugins"), AssumeSafe("CHK002", "Redeploying the previous tag is the rollback")] void ApplyUpdates() { }
                [Step, Verifies("site")] void Monitor() { }
            }
            """);
    }
}
