using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK015ApprovalQuorumTests
{
    [TestMethod]
    public async Task A_quorum_below_one_is_reported_on_the_approval_attribute()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Migrate
            {
                [Step("Approve the migration"), {|#0:Approval("DBA", Required = 0)|}] void Approve() { }
                [Step, {|CHK015:Approval("Lead", Required = -1)|}] void AlsoApprove() { }
            }
            """,
            Verify.Diagnostic("CHK015", 0).WithMessage("The approval of step 'Approve the migration' requires 0 approvals; Required must be at least 1 (leave it out for one approver)"));
    }

    [TestMethod]
    public async Task A_quorum_of_one_or_more_and_the_default_are_fine()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Migrate
            {
                [Step, Approval("DBA", Required = 2)] void Approve() { }
                [Step, Approval("Lead", Required = 1, AllowSelfApproval = true)] void SignOff() { }
                [Step, Approval("Owner")] void Accept() { }
            }
            """);
    }
}
