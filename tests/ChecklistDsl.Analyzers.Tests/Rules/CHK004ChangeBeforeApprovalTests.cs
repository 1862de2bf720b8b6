using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK004ChangeBeforeApprovalTests
{
    [TestMethod]
    public async Task First_production_change_before_any_approval_is_reported_on_its_method_name()
    {
        await Verify.AnalyzerAsync("""
            [Checklist(Environment = "production")]
            public partial class Deploy
            {
                [Step] void Prepare() { }
                [Step("Apply updates"), Modifies("plugins"), NoRollback("Plugins are re-deployable")] void {|#0:ApplyUpdates|}() { }
                [Step, Approval("QA lead")] void ApproveLate() { }
                [Step, Modifies("theme"), NoRollback("Themes are re-deployable")] void UpdateTheme() { }
                [Step, Verifies("site")] void Monitor() { }
            }
            """,
            Verify.Diagnostic("CHK004", 0).WithMessage("Step 'Apply updates' is the first change to production ('plugins') but no earlier step is an approval; add an [Approval(\"role\")] step before it"));
    }

    [TestMethod]
    public async Task A_step_that_both_approves_and_changes_does_not_gate_itself()
    {
        await Verify.AnalyzerAsync("""
            [Checklist(Environment = "production")]
            public partial class Deploy
            {
                [Step, Approval("QA lead"), Modifies("plugins"), NoRollback("Plugins are re-deployable")] void {|CHK004:ApproveAndApply|}() { }
                [Step, Verifies("site")] void Monitor() { }
            }
            """);
    }

    [TestMethod]
    public async Task Approval_strictly_before_the_first_change_is_safe()
    {
        await Verify.AnalyzerAsync("""
            [Checklist(Environment = "production")]
            public partial class Deploy
            {
                [Step, Approval("QA lead")] void Approve() { }
                [Step, Modifies("plugins"), NoRollback("Plugins are re-deployable")] void ApplyUpdates() { }
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
                [Step, Modifies("plugins"), NoRollback("Plugins are re-deployable"), AssumeSafe("CHK004", "Approved in the change ticket before the run starts")] void ApplyUpdates() { }
                [Step, Verifies("site")] void Monitor() { }
            }
            """);
    }
}
