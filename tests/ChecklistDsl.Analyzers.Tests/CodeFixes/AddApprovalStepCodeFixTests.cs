using ChecklistDsl.Analyzers.Tests.Infrastructure;
using ChecklistDsl.CodeFixes;

namespace ChecklistDsl.Analyzers.Tests.CodeFixes;

[TestClass]
public sealed class AddApprovalStepCodeFixTests
{
    [TestMethod]
    public async Task Inserts_an_approval_step_before_the_first_change()
    {
        await new ChecklistCodeFixTest<AddApprovalStepCodeFix>
        {
            TestCode = """
                using ChecklistDsl;

                [Checklist(Environment = "production")]
                public partial class Deploy
                {
                    [Step]
                    void Prepare() { }
                    [Step("Apply updates"), Modifies("plugins"), NoRollback("Plugins are re-deployable")]
                    void {|CHK004:ApplyUpdates|}() { }
                    [Step, Verifies("site")]
                    void Monitor() { }
                }
                """,
            FixedCode = """
                using ChecklistDsl;

                [Checklist(Environment = "production")]
                public partial class Deploy
                {
                    [Step]
                    void Prepare() { }
                    [Step("Approve apply updates")]
                    [Approval("Change approver")]
                    void ApproveApplyUpdates() { }
                    [Step("Apply updates"), Modifies("plugins"), NoRollback("Plugins are re-deployable")]
                    void ApplyUpdates() { }
                    [Step, Verifies("site")]
                    void Monitor() { }
                }
                """,
        }.RunAsync();
    }

    [TestMethod]
    public async Task Fix_all_fixes_each_checklist_of_the_document()
    {
        await new ChecklistCodeFixTest<AddApprovalStepCodeFix>
        {
            TestCode = """
                using ChecklistDsl;

                [Checklist(Environment = "live")]
                public partial class A
                {
                    [Step, Modifies("x"), NoRollback("Idempotent")] void {|CHK004:Change|}() { }
                    [Step, Verifies("x")] void Check() { }
                }

                [Checklist(Environment = "live")]
                public partial class B
                {
                    [Step, Modifies("y"), NoRollback("Idempotent")] void {|CHK004:Change|}() { }
                    [Step, Verifies("y")] void Check() { }
                }
                """,
            FixedCode = """
                using ChecklistDsl;

                [Checklist(Environment = "live")]
                public partial class A
                {
                    [Step("Approve change")]
                    [Approval("Change approver")]
                    void ApproveChange() { }
                    [Step, Modifies("x"), NoRollback("Idempotent")] void Change() { }
                    [Step, Verifies("x")] void Check() { }
                }

                [Checklist(Environment = "live")]
                public partial class B
                {
                    [Step("Approve change")]
                    [Approval("Change approver")]
                    void ApproveChange() { }
                    [Step, Modifies("y"), NoRollback("Idempotent")] void Change() { }
                    [Step, Verifies("y")] void Check() { }
                }
                """,
        }.RunAsync();
    }
}
