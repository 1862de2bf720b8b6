using ChecklistDsl.Generators.Tests.Infrastructure;

namespace ChecklistDsl.Generators.Tests;

/// <summary>A gate's quorum and its four-eyes opt-out reach the runbook, the definition data and the fingerprint.</summary>
[TestClass]
public sealed class ApprovalGateTests
{
    private static string Generate(string approval) =>
        GeneratorHarness.Run($$"""
            using ChecklistDsl;
            [Checklist] public partial class Gate { [Step("Approve"), {{approval}}] void Approve() { } [Step] void Then() { } }
            """).Source("Gate.g.cs");

    [TestMethod]
    public void The_runbook_says_how_many_approvals_and_whether_the_operator_may_give_one()
    {
        var quorum = Generate("Approval(\"DBA\", Required = 2)");
        var self = Generate("Approval(\"Lead\", AllowSelfApproval = true)");
        var plain = Generate("Approval(\"Lead\")");

        StringAssert.Contains(quorum, "**Approval:** 2 approvals by DBA (distinct people)");
        StringAssert.Contains(quorum, "approvalsRequired");
        StringAssert.Contains(self, "the run's own operator may approve this gate");
        StringAssert.Contains(self, "selfApproval");
        StringAssert.Contains(plain, "**Approval:** Lead approves or rejects; the approver is recorded by name");
        Assert.DoesNotContain("approvalsRequired", plain);
        Assert.DoesNotContain("selfApproval", plain);
        Assert.AreNotEqual(Fingerprint(plain), Fingerprint(quorum), "a quorum changes the plan");
    }

    private static string Fingerprint(string source)
    {
        // The plan's own fingerprint: the first member of that name in its JSON.
        var start = source.IndexOf("\"fingerprint\": ", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start);
        return source.Substring(start, 120);
    }
}
