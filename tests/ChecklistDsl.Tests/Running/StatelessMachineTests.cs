using Stateless;

namespace ChecklistDsl.Tests.Running;

/// <summary>
/// The plumbing every generated machine goes through (<see cref="StatelessMachine"/>), on the real
/// Stateless, with a hand-written table of the shape the generator writes: our behaviour on top of
/// Stateless's, not Stateless's own.
/// </summary>
[TestClass]
public sealed class StatelessMachineTests
{
    // The shape of a generated Step enum: NotStarted, the steps, the rollback states, the ends.
    private enum Step { NotStarted, Gate, Purge, UndoPurge, Completed, Aborted, RolledBack }

    private enum Trigger { Start, Complete, Skip, Approve, Reject, Fail, Abort }

    // Step 0 "Approve release" (an approval gate, two checks); step 1 "Purge cache" (optional, undone by UndoPurge).
    private const string Table =
        "0 Start 1;" +
        "1 Approve 2 T0 A0; 1 Reject 5; 1 Fail 5; 1 Abort 5;" +
        "2 Complete 4; 2 Skip 4; 2 Fail 3; 2 Abort 5;" +
        "3 Complete 6; 3 Fail 5; 3 Abort 5;";

    private static ChecklistDefinition Definition() => TestChecklists.Create(
        new StepSpec("Approve release", ["Release notes read", "Staging green"], ApprovalRole: "Release manager"),
        new StepSpec("Purge cache", [], Optional: true));

    private static ChecklistMachine Create(ChecklistProgress progress, string state = ChecklistMachine.NotStarted) =>
        StatelessMachine.CreateChecklistMachine<Step, Trigger>(progress.Definition, MachineTable.Parse(Table), progress, state);

    [TestMethod]
    public void Configure_returns_the_Stateless_machine_it_was_given_walking_the_table()
    {
        var progress = new ChecklistProgress(Definition());
        var machine = new StateMachine<Step, Trigger>(Step.NotStarted);

        var configured = StatelessMachine.Configure(machine, MachineTable.Parse(Table), progress, 2);
        configured.Fire(Trigger.Start);
        progress.TickAll(0);
        progress.RecordApproval(0, "Dana");
        configured.Fire(Trigger.Approve);

        Assert.AreSame(machine, configured);
        Assert.AreEqual(Step.Purge, machine.State);
        Assert.IsTrue(progress.IsCompleted(0), "leaving a step with Approve records it as completed");
    }

    [TestMethod]
    public void A_refusal_names_each_unticked_check_and_the_missing_approval()
    {
        var progress = new ChecklistProgress(Definition());
        var machine = Create(progress);
        machine.Fire(ChecklistTrigger.Start);
        progress.Tick(0, 0);

        var refused = Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(ChecklistTrigger.Approve));

        Assert.AreEqual(
            "Sample: Approve is refused in step 1. Approve release: check 'Staging green' is not ticked; no approval by Release manager is recorded.",
            refused.Message);
        Assert.AreEqual("Gate", machine.State, "a refused trigger leaves the state as it was");
    }

    [TestMethod]
    public async Task FireAsync_refuses_with_the_same_message_though_Stateless_passes_no_unmet_guards()
    {
        var progress = new ChecklistProgress(Definition());
        var machine = Create(progress, "Gate");
        progress.TickAll(0);

        var refused = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => machine.FireAsync(ChecklistTrigger.Approve));

        Assert.AreEqual("Sample: Approve is refused in step 1. Approve release: no approval by Release manager is recorded.", refused.Message);
        progress.RecordApproval(0, "Dana");
        await machine.FireAsync(ChecklistTrigger.Approve);
        Assert.AreEqual("Purge", machine.State);
    }

    [TestMethod]
    public void A_trigger_the_state_does_not_configure_is_refused_naming_what_is_permitted()
    {
        var progress = new ChecklistProgress(Definition());
        var machine = Create(progress, "Gate");

        var refused = Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(ChecklistTrigger.Skip));

        Assert.AreEqual("Sample: Skip is not permitted in step 1. Approve release (permitted: Approve, Reject, Fail, Abort).", refused.Message);
        var ended = Assert.ThrowsExactly<InvalidOperationException>(() => Create(progress, "Completed").Fire(ChecklistTrigger.Start));
        Assert.AreEqual("Sample: Start is not permitted in 'Completed': the run has ended.", ended.Message);
    }

    [TestMethod]
    public void CanFire_gives_an_empty_list_not_null_for_a_trigger_the_state_does_not_configure()
    {
        var machine = Create(new ChecklistProgress(Definition()), "Gate");

        Assert.IsFalse(machine.CanFire(ChecklistTrigger.Skip, out var unmet));

        Assert.IsNotNull(unmet);
        Assert.IsEmpty(unmet);
        Assert.IsFalse(machine.CanFire(ChecklistTrigger.Approve, out unmet));
        CollectionAssert.AreEquivalent(new[] { "all checks ticked", "approval recorded" }, unmet.ToArray());
    }

    [TestMethod]
    public void NextTriggers_lists_what_the_state_configures_with_its_unmet_guards()
    {
        var progress = new ChecklistProgress(Definition());
        var machine = Create(progress, "Gate");
        progress.TickAll(0);

        var next = machine.NextTriggers;

        CollectionAssert.AreEqual(
            new[] { "Approve: approval recorded", "Reject: ", "Fail: ", "Abort: " },
            next.Select(t => t.Trigger + ": " + string.Join(", ", t.UnmetGuards)).ToArray());
        Assert.IsFalse(next[0].CanFire);
        Assert.IsTrue(next[1].CanFire);
    }

    [TestMethod]
    public void Skip_records_the_step_as_skipped_and_Fail_enters_its_rollback()
    {
        var progress = new ChecklistProgress(Definition());
        var skipped = Create(progress, "Purge");
        skipped.Fire(ChecklistTrigger.Skip);
        Assert.AreEqual("Completed", skipped.State);
        Assert.IsTrue(progress.IsSkipped(1));

        var failed = Create(new ChecklistProgress(Definition()), "Purge");
        failed.Fire(ChecklistTrigger.Fail);
        Assert.AreEqual("UndoPurge", failed.State);
        failed.Fire(ChecklistTrigger.Complete);
        Assert.AreEqual("RolledBack", failed.State);
    }

    [TestMethod]
    public void The_state_lives_outside_the_machine_and_is_read_on_every_access()
    {
        var progress = new ChecklistProgress(Definition());
        var stored = Step.NotStarted;
        var reads = 0;
        var machine = StatelessMachine.Configure(
            new StateMachine<Step, Trigger>(() => { reads++; return stored; }, next => stored = next),
            MachineTable.Parse(Table), progress, 2);

        machine.Fire(Trigger.Start);
        Assert.AreEqual(Step.Gate, stored);
        stored = Step.Purge; // a resumed run sets its saved state
        var before = reads;

        Assert.AreEqual(Step.Purge, machine.State);
        Assert.IsTrue(machine.CanFire(Trigger.Skip));
        Assert.IsGreaterThan(before, reads, "Stateless reads the accessor on every access, so the stored state is the truth");
    }

    [TestMethod]
    public void Stateless_draws_the_live_machine_as_Mermaid_and_DOT_with_the_guard_descriptions()
    {
        var machine = Create(new ChecklistProgress(Definition()));

        var info = machine.GetInfo();
        var mermaid = machine.ToMermaidGraph();
        var dot = machine.ToDotGraph();

        Assert.AreEqual("NotStarted", info.InitialState.UnderlyingState.ToString());
        StringAssert.StartsWith(mermaid, "stateDiagram-v2");
        StringAssert.Contains(mermaid, "Gate --> Purge");
        StringAssert.Contains(mermaid, "all checks ticked");
        StringAssert.StartsWith(dot.TrimStart(), "digraph");
        StringAssert.Contains(dot, "approval recorded");
    }

    [TestMethod]
    public void A_state_that_is_not_one_of_the_checklist_is_refused()
    {
        var progress = new ChecklistProgress(Definition());
        Assert.ThrowsExactly<ArgumentException>(() => Create(progress, "Nowhere"));
        Assert.ThrowsExactly<ArgumentException>(() => Create(progress, "3"));
    }
}
