using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Reporting;

namespace ChecklistDsl.Cli.Tests.Reporting;

/// <summary>
/// The report model from a hand-written journal, for what the process tests cannot produce without a
/// terminal: a skip, an interrupted command accepted as done, a verified approval, a rejection with its
/// comment, a pause and a resume from another revision, an accepted risk of the plan, a title that tries
/// to inject HTML, and output cut by the journal.
/// </summary>
[TestClass]
public sealed class RunReportBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly ChecklistDefinition Definition = new()
    {
        Name = "Change", FullName = "Ops.Change", Title = "A <b>bold</b> change", Fingerprint = "sha256:plan",
        Inputs = [], Rollbacks = [new RollbackDefinition { Name = "Undo", Title = "Undo the change" }], Markdown = "", RunbookFileName = "change.md",
        Steps =
        [
            new StepDefinition { Index = 0, Name = "Gate", Title = "Approve the change", ApprovalRole = "Lead", Fingerprint = "f0" },
            new StepDefinition { Index = 1, Name = "Tidy", Title = "Tidy up", Optional = true, Fingerprint = "f1" },
            new StepDefinition
            {
                Index = 2, Name = "Apply", Title = "Apply it", Fingerprint = "f2", Commands = ["apply"], Modifies = ["db"],
                RollbackName = "Undo", RollbackState = "UndoForApply", AcceptedRisks = [new AcceptedRisk("CHK005", "the backup is tested weekly")],
            },
        ],
    };

    private static List<JournalRecord> Journal() =>
    [
        new() { Type = RecordTypes.Header, At = T0, RunId = "r1", Checklist = "Change", Title = "A <b>bold</b> change", Fingerprint = "sha256:plan", Target = "prod", User = "olga", Host = "box1", SourceRevision = "abc123",
            Steps = [new("Gate", "f0"), new("Tidy", "f1"), new("Apply", "f2")], Inputs = new Dictionary<string, string> { ["Env"] = "prod" } },
        new() { Type = RecordTypes.Transition, At = T0.AddSeconds(1), Trigger = "Start", Source = "NotStarted", Destination = "Gate" },
        new() { Type = RecordTypes.Paused, At = T0.AddSeconds(2), State = "Gate", Text = "waiting for an approval" },
        new() { Type = RecordTypes.Unlocked, At = T0.AddMinutes(29), User = "olga", Host = "box2", Text = "stale lock of pid 5 on box1" },
        new() { Type = RecordTypes.Resumed, At = T0.AddMinutes(30), State = "Gate", User = "olga", Host = "box2", Pid = 7, SourceRevision = "def456+dirty" },
        new() { Type = RecordTypes.Rejection, At = T0.AddMinutes(31), Step = 0, State = "Gate", Role = "Lead", Approver = "Bob", Via = "prompt", Text = "not before the backup, token=hunter2" },
        new() { Type = RecordTypes.Approval, At = T0.AddMinutes(40), Step = 0, State = "Gate", Role = "Lead", Approver = "carol@db", Via = "approve", Verified = true },
        new() { Type = RecordTypes.Transition, At = T0.AddMinutes(41), Trigger = "Approve", Source = "Gate", Destination = "Tidy" },
        new() { Type = RecordTypes.Transition, At = T0.AddMinutes(42), Trigger = "Skip", Source = "Tidy", Destination = "Apply" },
        new() { Type = RecordTypes.CommandStarted, At = T0.AddMinutes(43), State = "Apply", Command = 0, Line = "apply --all" },
        new() { Type = RecordTypes.CommandAccepted, At = T0.AddMinutes(50), State = "Apply", Command = 0, Line = "apply --all", Via = "prompt" },
        new() { Type = RecordTypes.CommandStarted, At = T0.AddMinutes(51), State = "Apply", Command = 1, Line = "(C# automation of 'Apply it')" },
        new() { Type = RecordTypes.CommandFinished, At = T0.AddMinutes(53), State = "Apply", Command = 1, ExitCode = 2, OutputTruncated = true,
            Output = "first\n[... 4096 characters of output left out ...]\nlast ``` fence\n" },
        new() { Type = RecordTypes.Failure, At = T0.AddMinutes(54), State = "Apply", Text = "the automation failed", Action = "RollBack", Via = "prompt" },
        new() { Type = RecordTypes.Transition, At = T0.AddMinutes(54), Trigger = "Fail", Source = "Apply", Destination = "UndoForApply" },
        new() { Type = RecordTypes.Transition, At = T0.AddMinutes(56), Trigger = "Complete", Source = "UndoForApply", Destination = "RolledBack" },
    ];

    private static readonly ChainVerdict Unchained = new(ChainStatus.Unchained, 16, null, null, null);

    [TestMethod]
    public void Deviations_come_in_time_order_with_the_plan_risks_last()
    {
        var report = RunReportBuilder.Build(Journal(), Definition, Unchained, isLive: false, runbookLink: null);

        CollectionAssert.AreEqual(
            new[] { "pause", "unlock", "resume", "rejection", "skip", "accepted-command", "failure", "rollback", "accepted-risk" },
            report.Deviations.Select(d => d.Kind).ToArray());
        StringAssert.Contains(report.Deviations[1].Text, "Lock cleared by olga on box2: stale lock of pid 5 on box1");
        StringAssert.Contains(report.Deviations[2].Text, "by olga on box2 (pid 7), from source revision def456+dirty");
        StringAssert.Contains(report.Deviations[3].Text, "not before the backup, token=***");
        StringAssert.Contains(report.Deviations[4].Text, "Skipped 'Tidy up' (an optional step)");
        StringAssert.Contains(report.Deviations[^1].Text, "CHK005 accepted on 'Apply it' (AssumeSafe): the backup is tested weekly");
        StringAssert.Contains(report.Deviations[^2].Text, "Rollback 'Undo the change (undoing 'Apply it')' walked: done");
    }

    [TestMethod]
    public void The_timeline_commands_and_approvals_say_what_happened()
    {
        var report = RunReportBuilder.Build(Journal(), Definition, Unchained, isLive: false, runbookLink: null);

        Assert.AreEqual("rolled back", report.Outcome);
        Assert.AreEqual(56 * 60, report.DurationSeconds, 1e-6);
        CollectionAssert.AreEqual(new[] { "done", "skipped", "failed, rolled back", "done" }, report.Timeline.Select(s => s.Status).ToArray());
        Assert.IsTrue(report.Timeline[^1].IsRollback);
        Assert.AreEqual(41 * 60 - 1, report.Timeline[0].DurationSeconds!.Value, 1e-6);
        Assert.IsTrue(report.Commands[0].AcceptedWithoutRunning);
        Assert.AreEqual(2, report.Commands[1].ExitCode);
        Assert.AreEqual(120, report.Commands[1].DurationSeconds!.Value, 1e-6);
        Assert.AreEqual("olga@box2", report.Commands[1].By, "the user of the process that ran it");
        Assert.AreEqual(("rejected", false, "not before the backup, token=***"), (report.Approvals[0].Decision, report.Approvals[0].Verified, report.Approvals[0].Comment));
        Assert.AreEqual(("approved", true), (report.Approvals[1].Decision, report.Approvals[1].Verified));
    }

    [TestMethod]
    public void The_markdown_escapes_journal_text_and_marks_the_cut_in_collapsed_output()
    {
        var report = RunReportBuilder.Build(Journal(), Definition, Unchained, isLive: false, runbookLink: "https://github.com/acme/ops/wiki/A-bold-change");

        var markdown = MarkdownReport.Render(report);
        var html = HtmlReport.Render(report);

        StringAssert.Contains(markdown, "# Run report: A \\<b\\>bold\\</b\\> change");
        Assert.DoesNotContain("<b>", html, "a title cannot inject HTML");
        StringAssert.Contains(html, "A &lt;b&gt;bold&lt;/b&gt; change");
        StringAssert.Contains(markdown, "✂---------- 4096 characters of output left out here");
        StringAssert.Contains(markdown, "````text\nfirst\n", "a fence longer than the output's own");
        StringAssert.Contains(html, "<details>\n<summary>Output (3 lines, cut: the journal kept the first and last 16 KiB)</summary>");
        StringAssert.Contains(markdown, "unverified (a typed name, via prompt)");
        StringAssert.Contains(markdown, "| Lead | approved | carol@db | verified |");
        StringAssert.Contains(markdown, "(<https://github.com/acme/ops/wiki/A-bold-change>)");
        StringAssert.Contains(markdown, "abc123 (clean)");
        StringAssert.Contains(markdown, "**unchained (older format)**");
    }

    [TestMethod]
    public void A_run_without_its_checklist_is_reported_from_the_journal_alone()
    {
        var report = RunReportBuilder.Build(Journal(), definition: null, Unchained, isLive: false, runbookLink: null);

        Assert.AreEqual("Apply", report.Timeline[2].Title);
        Assert.AreEqual("failed", report.Timeline[2].Status, "which rollback undid it, only the checklist knows");
        Assert.AreEqual("UndoForApply", report.Timeline[3].Title);
        Assert.DoesNotContain("accepted-risk", report.Deviations.Select(d => d.Kind).ToArray());
        StringAssert.StartsWith(report.PlanSource, "the journal alone");
    }

    [TestMethod]
    public void An_unfinished_run_is_in_progress_paused_or_stopped()
    {
        var journal = Journal().Take(3).ToList();
        Assert.AreEqual("in progress", RunReportBuilder.Build(journal, Definition, Unchained, isLive: true, null).Outcome);
        var paused = RunReportBuilder.Build(journal, Definition, Unchained, isLive: false, null);
        Assert.AreEqual("paused", paused.Outcome);
        StringAssert.Contains(paused.OutcomeDetail, "`checklist resume r1`");
        Assert.AreEqual("paused here", paused.Timeline[0].Status);
        Assert.IsNull(paused.EndedAt);
        Assert.AreEqual("stopped", RunReportBuilder.Build(journal.Take(2).ToList(), Definition, Unchained, isLive: false, null).Outcome);
        Assert.AreEqual("not started", RunReportBuilder.Build(journal.Take(1).ToList(), Definition, Unchained, isLive: false, null).Outcome);
    }
}
