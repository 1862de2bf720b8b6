using System.Text.RegularExpressions;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>The run's step view and <c>status RUN</c> say what can happen next, from the live Stateless machine.</summary>
[TestClass]
public sealed class NextTriggersTests
{
    [TestMethod]
    public void A_run_waiting_at_a_gate_shows_the_triggers_it_permits_with_their_unmet_guards()
    {
        using var folder = new TempFolder();

        var run = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder));

        Assert.AreEqual(5, run.ExitCode, "paused at the approval gate: " + run);
        // Shown with the gate, before its checks are ticked.
        StringAssert.Contains(run.Output, "Next: Approve (waiting for: all checks ticked, approval recorded), Reject, Fail, Abort");
        var id = Regex.Match(run.Output, @"run (\S+) against").Groups[1].Value;
        Assert.IsNotEmpty(id, run.ToString());

        var status = Sample.Cli(folder, null, "status", id);

        Assert.AreEqual(0, status.ExitCode, status.ToString());
        // The checks were ticked (--yes); the approval is what the gate waits for.
        StringAssert.Contains(status.Output, "Next: Approve (waiting for: approval recorded), Reject, Fail, Abort");
    }
}
