namespace ChecklistDsl.Tests.Running;

[TestClass]
public sealed class ChecklistProgressTests
{
    // Step 0: two checks. Step 1: an approval gate with one check. Step 2: optional, no checks.
    private static ChecklistProgress CreateProgress() => new(TestChecklists.Create(
        new StepSpec("Prepare", ["backup taken", "team notified"]),
        new StepSpec("Approve", ["plan reviewed"], ApprovalRole: "Change manager"),
        new StepSpec("Tidy", [], Optional: true)));

    [TestMethod]
    public void Tick_MarksOnlyThatCheck()
    {
        var progress = CreateProgress();

        progress.Tick(0, 1);

        Assert.IsTrue(progress.IsTicked(0, 1));
        Assert.IsFalse(progress.IsTicked(0, 0));
        Assert.IsFalse(progress.IsTicked(1, 0));
    }

    [TestMethod]
    public void AllTicked_IsTrueOnlyOnceEveryCheckOfTheStepIsTicked()
    {
        var progress = CreateProgress();

        progress.Tick(0, 0);
        Assert.IsFalse(progress.AllTicked(0));

        progress.Tick(0, 1);
        Assert.IsTrue(progress.AllTicked(0));
        Assert.IsFalse(progress.AllTicked(1));
    }

    [TestMethod]
    public void AllTicked_IsTrueForAStepWithoutChecks()
    {
        Assert.IsTrue(CreateProgress().AllTicked(2));
    }

    [TestMethod]
    public void TickAll_TicksEveryCheckOfThatStepOnly()
    {
        var progress = CreateProgress();

        progress.TickAll(0);

        Assert.IsTrue(progress.AllTicked(0));
        Assert.IsFalse(progress.AllTicked(1));
    }

    [TestMethod]
    public void Tick_Twice_IsHarmless()
    {
        var progress = CreateProgress();

        progress.Tick(1, 0);
        progress.Tick(1, 0);

        Assert.IsTrue(progress.AllTicked(1));
    }

    [TestMethod]
    public void RecordApproval_RecordsTheTrimmedApprover()
    {
        var progress = CreateProgress();
        Assert.IsFalse(progress.IsApproved(1));
        Assert.IsNull(progress.ApprovedBy(1));

        progress.RecordApproval(1, "  Dana Smith ");

        Assert.IsTrue(progress.IsApproved(1));
        Assert.AreEqual("Dana Smith", progress.ApprovedBy(1));
        Assert.IsFalse(progress.IsApproved(0));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow(null)]
    public void RecordApproval_BlankApprover_IsRejected(string? approver)
    {
        var progress = CreateProgress();

        var error = Assert.ThrowsExactly<ArgumentException>(() => progress.RecordApproval(1, approver!));

        Assert.AreEqual("approver", error.ParamName);
        Assert.IsFalse(progress.IsApproved(1));
    }

    [TestMethod]
    public void RecordApproval_OnANonApprovalStep_IsRejected()
    {
        var progress = CreateProgress();

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => progress.RecordApproval(0, "Dana"));

        Assert.AreEqual("Step 'Prepare' is not an approval step.", error.Message);
        Assert.IsFalse(progress.IsApproved(0));
    }

    [TestMethod]
    public void MarkCompletedAndSkipped_AreRecordedApartAndCounted()
    {
        var progress = CreateProgress();
        Assert.AreEqual(0, progress.DoneCount);

        progress.MarkCompleted(0);
        progress.MarkSkipped(2);

        Assert.IsTrue(progress.IsCompleted(0));
        Assert.IsFalse(progress.IsSkipped(0));
        Assert.IsTrue(progress.IsSkipped(2));
        Assert.IsFalse(progress.IsCompleted(2));
        Assert.IsFalse(progress.IsCompleted(1));
        Assert.AreEqual(2, progress.DoneCount);
    }

    [TestMethod]
    public void MarkingAStepAgain_CountsItOnce_AndTheLastMarkWins()
    {
        var progress = CreateProgress();

        progress.MarkSkipped(2);
        progress.MarkCompleted(2);
        progress.MarkCompleted(2);

        Assert.IsTrue(progress.IsCompleted(2));
        Assert.IsFalse(progress.IsSkipped(2));
        Assert.AreEqual(1, progress.DoneCount);

        progress.MarkSkipped(2);

        Assert.IsTrue(progress.IsSkipped(2));
        Assert.IsFalse(progress.IsCompleted(2));
        Assert.AreEqual(1, progress.DoneCount);
    }

    [TestMethod]
    public void MarkSkipped_OnARequiredStep_IsRejected()
    {
        var progress = CreateProgress();

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => progress.MarkSkipped(0));

        Assert.AreEqual("Step 'Prepare' is neither optional nor conditional; it cannot be skipped.", error.Message);
        Assert.IsFalse(progress.IsSkipped(0));
    }

    [TestMethod]
    [DataRow(-1)]
    [DataRow(3)]
    public void AStepIndexOutOfRange_ThrowsArgumentOutOfRangeException(int step)
    {
        var progress = CreateProgress();
        var calls = new (string Name, Action Call)[]
        {
            ("Tick", () => progress.Tick(step, 0)),
            ("TickAll", () => progress.TickAll(step)),
            ("IsTicked", () => progress.IsTicked(step, 0)),
            ("AllTicked", () => progress.AllTicked(step)),
            ("RecordApproval", () => progress.RecordApproval(step, "Dana")),
            ("ApprovedBy", () => progress.ApprovedBy(step)),
            ("IsApproved", () => progress.IsApproved(step)),
            ("MarkCompleted", () => progress.MarkCompleted(step)),
            ("MarkSkipped", () => progress.MarkSkipped(step)),
            ("IsCompleted", () => progress.IsCompleted(step)),
            ("IsSkipped", () => progress.IsSkipped(step)),
        };

        foreach (var (name, call) in calls)
        {
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(call, name);
            Assert.AreEqual("step", error.ParamName, name);
            StringAssert.StartsWith(error.Message, "The checklist 'Sample' has 3 step(s).", name);
        }
        Assert.AreEqual(0, progress.DoneCount);
    }

    [TestMethod]
    [DataRow(-1)]
    [DataRow(2)]
    public void ACheckIndexOutOfRange_ThrowsArgumentOutOfRangeException(int check)
    {
        var progress = CreateProgress();

        var tick = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => progress.Tick(0, check));
        var isTicked = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => progress.IsTicked(0, check));

        Assert.AreEqual("check", tick.ParamName);
        Assert.AreEqual("check", isTicked.ParamName);
        StringAssert.StartsWith(tick.Message, "Step 'Prepare' has 2 check(s).");
        Assert.IsFalse(progress.AllTicked(0));
    }

    [TestMethod]
    public void Constructor_NullDefinition_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => new ChecklistProgress(null!));
    }
}
