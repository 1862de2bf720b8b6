using System.Diagnostics;
using ChecklistDsl.Cli.Tests.Cli;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Stores;

/// <summary>
/// Approvals from other terminals: four-eyes, a quorum of distinct identities (database logins on a real
/// PostgreSQL server), a waiting run that goes on when an approval commits, and a rejection.
/// </summary>
[TestClass]
public sealed class ApprovalTests
{
    private static string[] Quorum(TempFolder folder, string store, params string[] more) =>
        ["run", "QuorumGates", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--store", store, .. more, "--assembly", SampleChecklists.AssemblyPath];

    [TestMethod]
    public void Own_approval_is_refused_a_quorum_of_two_counts_distinct_logins_and_the_waiting_run_goes_on()
    {
        using var database = TestDatabase.Create();
        using var folder = new TempFolder();
        Assert.AreEqual(0, CliProcess.Run(folder.Path, null, "store", "migrate", "--store", database.ConnectionString).ExitCode);
        var operatorLogin = database.CreateLogin("ops");
        var dba1 = database.CreateLogin("dba");
        var dba2 = database.CreateLogin("dba");
        using var run = CliProcess.Start(folder.Path, null, Quorum(folder, operatorLogin, "--wait-for-approval", "80s"), out var stdout, out var stderr);
        var runId = WaitFor(database, "SELECT run_id FROM runs r WHERE EXISTS (SELECT 1 FROM run_records x WHERE x.run_id = r.run_id AND x.type = 'awaiting-approval')", run);

        var own = Approve(folder, runId, "DBA", operatorLogin);
        var first = Approve(folder, runId, "dba", dba1);
        var again = Approve(folder, runId, "DBA", dba1);
        var wrongRole = Approve(folder, runId, "QA", dba2);
        Thread.Sleep(1000);
        var waitingAfterOne = !run.HasExited && folder.Log().Length == 0;
        var second = Approve(folder, runId, "DBA", dba2);
        // The run goes on to the second gate, which its operator may approve (AllowSelfApproval).
        WaitFor(database, "SELECT run_id FROM run_records WHERE type = 'awaiting-approval' AND record->>'role' = 'Operator'", run);
        var signOff = Approve(folder, runId, "Operator", operatorLogin);
        var result = CliProcess.Wait(run, stdout, stderr);

        Assert.AreEqual(3, own.ExitCode, own.ToString());
        Assert.Contains("Four-eyes rule", own.Error);
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.Contains("(DBA, 1 of 2)", first.Output);
        Assert.AreEqual(3, again.ExitCode, again.ToString());
        Assert.Contains("has already approved", again.Error);
        Assert.AreEqual(3, wrongRole.ExitCode, wrongRole.ToString());
        Assert.IsTrue(waitingAfterOne, "one approval of two does not open the gate");
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.AreEqual(0, signOff.ExitCode, signOff.ToString());
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains("Waiting for DBA (0 of 2)", result.Output);
        Assert.Contains("Waiting for DBA (1 of 2)", result.Output);
        CollectionAssert.AreEqual(new[] { "migrate" }, folder.Log());
        var approvers = database.Column("SELECT record->>'approver' || ' ' || (record->>'verified') FROM run_records WHERE type = 'approval' ORDER BY id");
        CollectionAssert.AreEqual(new[] { Login(dba1) + " true", Login(dba2) + " true", Login(operatorLogin) + " true" }, approvers);
        Assert.AreEqual(Login(dba1), database.Column("SELECT recorded_by FROM run_records WHERE type = 'approval' ORDER BY id LIMIT 1").Single(), "the server's session_user wrote it");
    }

    [TestMethod]
    public void A_paused_gate_keeps_its_approvals_and_resume_goes_on_once_the_quorum_is_met()
    {
        using var database = TestDatabase.Create();
        using var folder = new TempFolder();
        Assert.AreEqual(0, CliProcess.Run(folder.Path, null, "store", "migrate", "--store", database.ConnectionString).ExitCode);
        var dba1 = database.CreateLogin("dba");
        var dba2 = database.CreateLogin("dba");

        var paused = CliProcess.Run(folder.Path, null, Quorum(folder, database.ConnectionString));
        var runId = database.Column("SELECT run_id FROM runs").Single()!;
        var typed = CliProcess.Run(folder.Path, null, Quorum(folder, database.ConnectionString, "--approver", "Dana"));
        Assert.AreEqual(0, Approve(folder, runId, "DBA", dba1).ExitCode);
        Assert.AreEqual(0, Approve(folder, runId, "DBA", dba2).ExitCode);
        var resumed = CliProcess.Run(folder.Path, null, "resume", runId, "--yes", "--wait-for-approval", "0s", "--store", database.ConnectionString, "--assembly", SampleChecklists.AssemblyPath);

        Assert.AreEqual(5, paused.ExitCode, paused.ToString());
        Assert.Contains("Waiting for DBA (0 of 2)", paused.Output);
        Assert.AreEqual(3, typed.ExitCode, "a typed approver name is refused with the PostgreSQL store: " + typed);
        Assert.AreEqual(5, resumed.ExitCode, "on to the sign-off gate, then paused: " + resumed);
        Assert.Contains($"Approved earlier by {Login(dba1)}, {Login(dba2)}", resumed.Output);
        CollectionAssert.AreEqual(new[] { "migrate" }, folder.Log());
    }

    [TestMethod]
    public void File_store_a_rejection_from_another_terminal_reaches_the_waiting_run_and_the_operator_cannot_approve()
    {
        using var folder = new TempFolder();
        using var run = CliProcess.Start(folder.Path, null,
            ["run", "QuorumGates", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--wait-for-approval", "80s", "--assembly", SampleChecklists.AssemblyPath],
            out var stdout, out var stderr);
        var journal = Journals.WaitForRecord(folder, "\"type\":\"awaiting-approval\"", run);
        var runId = Journals.Records(journal)[0].Text("runId")!;

        var own = CliProcess.Run(folder.Path, null, "approve", runId, "--role", "DBA");
        var noReason = CliProcess.Run(folder.Path, null, "reject", runId, "--role", "DBA", "--comment", " ");
        var rejected = CliProcess.Run(folder.Path, null, "reject", runId, "--role", "DBA", "--comment", "not in this window");
        var result = CliProcess.Wait(run, stdout, stderr);

        Assert.AreEqual(3, own.ExitCode, own.ToString());
        Assert.Contains("Four-eyes rule", own.Error);
        Assert.AreEqual(3, noReason.ExitCode, noReason.ToString());
        Assert.AreEqual(0, rejected.ExitCode, rejected.ToString());
        Assert.AreEqual(2, result.ExitCode, "rejected with nothing to roll back: aborted. " + result);
        Assert.Contains("Rejected by", result.Output);
        var rejection = Journals.Records(journal).Single(r => r.Type() == "rejection");
        Assert.AreEqual("not in this window", rejection.Text("text"));
        Assert.AreEqual(Environment.UserName, rejection.Text("approver"));
        Assert.IsFalse(rejection.GetProperty("verified").GetBoolean(), "an OS user name is not verified");
        Assert.IsEmpty(folder.Log());
        Assert.IsFalse(Directory.Exists(Path.ChangeExtension(journal, ".inbox")) && Directory.GetFiles(Path.ChangeExtension(journal, ".inbox")).Length > 0, "the inbox was emptied");
    }

    [TestMethod]
    public void The_runbook_says_two_approvals_by_DBA_and_that_the_operator_may_sign_off()
    {
        using var folder = new TempFolder();

        var shown = CliProcess.Run(folder.Path, null, "show", "QuorumGates", "--markdown", "--assembly", SampleChecklists.AssemblyPath);

        Assert.AreEqual(0, shown.ExitCode, shown.ToString());
        Assert.Contains("**Approval:** 2 approvals by DBA (distinct people)", shown.Output);
        Assert.Contains("the run's own operator may approve this gate", shown.Output);
    }

    private static CliResult Approve(TempFolder folder, string runId, string role, string store) =>
        CliProcess.Run(folder.Path, null, "approve", runId, "--role", role, "--store", store);

    private static string Login(string connectionString) => new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Username!;

    private static string WaitFor(TestDatabase database, string sql, Process run)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < CliProcess.Limit)
        {
            Assert.IsFalse(run.HasExited, "the run ended early");
            try
            {
                if (database.Column(sql).FirstOrDefault() is { } value)
                    return value;
            }
            catch (Npgsql.PostgresException)
            {
                // The schema is being created.
            }
            Thread.Sleep(100);
        }
        Assert.Fail("Timed out waiting for: " + sql);
        return "";
    }
}
