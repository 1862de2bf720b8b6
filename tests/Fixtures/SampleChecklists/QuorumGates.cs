using ChecklistDsl;

namespace SampleChecklists;

/// <summary>
/// Gates for the approval tests: the first needs two distinct DBAs (a quorum, four-eyes), the second lets
/// the run's own operator approve it.
/// </summary>
[Checklist("Quorum gates", Summary = "Two DBAs approve the migration; the operator signs off.")]
public partial class QuorumGates
{
    [Input("Folder for the markers")] public string WorkDir { get; set; } = "";

    [Step("Approve the migration"), Approval("DBA", Required = 2)]
    void ApproveMigration() { }

    [Step("Migrate")]
    [Command("echo migrate >> {WorkDir}/log")]
    void Migrate() { }

    [Step("Sign off"), Approval("Operator", AllowSelfApproval = true)]
    void SignOff() { }
}
