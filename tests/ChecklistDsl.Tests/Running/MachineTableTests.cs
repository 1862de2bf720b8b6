using Stateless;

namespace ChecklistDsl.Tests.Running;

[TestClass]
public sealed class MachineTableTests
{
    [TestMethod]
    public void Parse_ReadsEveryTransitionInOrder_WithItsGuards()
    {
        var table = MachineTable.Parse("0 Start 1;\n1 Approve 2 T0 A0; 1 Reject 5;2 Fail 3 C1 N0;");

        Assert.HasCount(4, table.Transitions);
        var approve = table.Transitions[1];
        Assert.AreEqual((1, ChecklistTrigger.Approve, 2), (approve.Source, approve.Trigger, approve.Destination));
        CollectionAssert.AreEqual(
            new[] { (MachineGuardKind.ChecksTicked, 0), (MachineGuardKind.Approved, 0) },
            approve.Guards.Select(g => (g.Kind, g.Step)).ToArray());
        Assert.AreEqual(ChecklistTrigger.Reject, table.Transitions[2].Trigger);
        Assert.IsEmpty(table.Transitions[2].Guards);
        CollectionAssert.AreEqual(
            new[] { (MachineGuardKind.Completed, 1), (MachineGuardKind.NotCompleted, 0) },
            table.Transitions[3].Guards.Select(g => (g.Kind, g.Step)).ToArray());
    }

    [TestMethod]
    [DataRow("0 Start")]
    [DataRow("0 Begin 1")]
    [DataRow("0 7 1")]
    [DataRow("x Start 1")]
    [DataRow("0 Start 1 X0")]
    [DataRow("0 Start 1 T")]
    [DataRow("0 Start -1")]
    public void Parse_RefusesMalformedText_NamingTheEntry(string entry)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => MachineTable.Parse("0 Start 1; " + entry));

        StringAssert.Contains(error.Message, "'" + entry + "'");
    }

    private enum States { NotStarted, Gate, Purge, Completed, Aborted }

    [TestMethod]
    public void Parse_ReadsStatesByName_OneLinePerState()
    {
        var table = MachineTable.Parse(typeof(States), """
            NotStarted: Start Gate
            Gate: Approve Purge T0 A0; Reject Aborted
            Purge: Complete Completed; Fail Aborted C1
            """);

        // Every state but NotStarted aborts into Aborted, and fails into it when its line has no Fail.
        CollectionAssert.AreEqual(
            new[]
            {
                (0, ChecklistTrigger.Start, 1),
                (1, ChecklistTrigger.Approve, 2), (1, ChecklistTrigger.Reject, 4), (1, ChecklistTrigger.Fail, 4), (1, ChecklistTrigger.Abort, 4),
                (2, ChecklistTrigger.Complete, 3), (2, ChecklistTrigger.Fail, 4), (2, ChecklistTrigger.Abort, 4),
            },
            table.Transitions.Select(t => (t.Source, t.Trigger, t.Destination)).ToArray());
        CollectionAssert.AreEqual(
            new[] { (MachineGuardKind.ChecksTicked, 0), (MachineGuardKind.Approved, 0) },
            table.Transitions[1].Guards.Select(g => (g.Kind, g.Step)).ToArray());
        Assert.IsEmpty(table.Transitions[3].Guards);
        Assert.AreEqual((MachineGuardKind.Completed, 1), (table.Transitions[6].Guards[0].Kind, table.Transitions[6].Guards[0].Step));
    }

    [TestMethod]
    public void Parse_AddsNoImpliedTransitionALineAlreadyHas()
    {
        var table = MachineTable.Parse(typeof(States), """
            NotStarted: Start Gate
            Gate: Complete Purge; Fail Aborted; Abort Aborted
            Purge: Complete Completed; Fail Aborted C0; Fail Purge N0; Abort Aborted
            """);

        CollectionAssert.AreEqual(
            new[]
            {
                (0, ChecklistTrigger.Start, 1),
                (1, ChecklistTrigger.Complete, 2), (1, ChecklistTrigger.Fail, 4), (1, ChecklistTrigger.Abort, 4),
                (2, ChecklistTrigger.Complete, 3), (2, ChecklistTrigger.Fail, 4), (2, ChecklistTrigger.Fail, 2), (2, ChecklistTrigger.Abort, 4),
            },
            table.Transitions.Select(t => (t.Source, t.Trigger, t.Destination)).ToArray());
    }

    [TestMethod]
    [DataRow("Gate Start Purge", "Gate Start Purge")]
    [DataRow("Nowhere: Start Gate", "Nowhere: Start Gate")]
    [DataRow("Gate: Start Nowhere", "Start Nowhere")]
    [DataRow("Gate: Begin Purge", "Begin Purge")]
    [DataRow("Gate: Start 2", "Start 2")]
    [DataRow("Gate: Start Purge X0", "Start Purge X0")]
    public void Parse_RefusesATableByNameThatIsMalformed_NamingTheEntry(string line, string entry)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => MachineTable.Parse(typeof(States), "NotStarted: Start Gate\n" + line));

        StringAssert.Contains(error.Message, "'" + entry + "'");
    }

    [TestMethod]
    public void Guards_ReadTheProgress_AndDescribeThemselvesAsTheDiagramDoes()
    {
        var definition = TestChecklists.Create(new StepSpec("Gate", ["Staging passed"], ApprovalRole: "QA"), new StepSpec("Purge", [], Optional: true));
        var progress = new ChecklistProgress(definition);
        var guards = MachineTable.Parse("1 Approve 2 T0 A0 N1 C1").Transitions[0].GuardsOver(progress);

        CollectionAssert.AreEqual(
            new[] { "all checks ticked", "approval recorded", "Step1 not completed", "Step1 completed" },
            guards.Select(g => g.Item2).ToArray());
        CollectionAssert.AreEqual(new[] { false, false, true, false }, guards.Select(g => g.Item1()).ToArray());

        progress.TickAll(0);
        progress.RecordApproval(0, "Ada");
        progress.MarkCompleted(1);

        CollectionAssert.AreEqual(new[] { true, true, false, true }, guards.Select(g => g.Item1()).ToArray());
    }

    [TestMethod]
    public void A_MachineConfiguredFromTheTable_RefusesUntilItsGuardsHold()
    {
        var definition = TestChecklists.Create(new StepSpec("Gate", ["Staging passed"], ApprovalRole: "QA"));
        var progress = new ChecklistProgress(definition);
        var machine = new StateMachine<int, ChecklistTrigger>(0);
        foreach (var transition in MachineTable.Parse("0 Start 1; 1 Approve 2 T0 A0; 1 Abort 3").Transitions)
            machine.Configure(transition.Source).PermitIf(transition.Trigger, transition.Destination, transition.GuardsOver(progress));

        machine.Fire(ChecklistTrigger.Start);
        Assert.IsFalse(machine.CanFire(ChecklistTrigger.Approve, out var unmet));
        CollectionAssert.AreEquivalent(new[] { "all checks ticked", "approval recorded" }, unmet.ToArray());

        progress.TickAll(0);
        progress.RecordApproval(0, "Ada");
        machine.Fire(ChecklistTrigger.Approve);

        Assert.AreEqual(2, machine.State);
    }
}
