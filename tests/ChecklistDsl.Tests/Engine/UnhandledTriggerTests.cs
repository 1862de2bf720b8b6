using ChecklistDsl.Engine;

namespace ChecklistDsl.Tests.Engine;

[TestClass]
public sealed class UnhandledTriggerTests
{
    [TestMethod]
    public void Fire_UnconfiguredTrigger_ThrowsWithStatelessMessage()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(Trigger.Y));

        Assert.AreEqual("No valid leaving transitions are permitted from state 'A' for trigger 'Y'. Consider ignoring the trigger.", error.Message);
        Assert.AreEqual(State.A, machine.State);
    }

    [TestMethod]
    public void Fire_InUnconfiguredState_Throws()
    {
        var machine = new StateMachine<State, Trigger>(State.C);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(Trigger.X));

        Assert.AreEqual("No valid leaving transitions are permitted from state 'C' for trigger 'X'. Consider ignoring the trigger.", error.Message);
    }

    [TestMethod]
    public void OnUnhandledTrigger_SuppressesTheThrowAndReceivesStateAndTrigger()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        var calls = new List<(State, Trigger)>();
        machine.OnUnhandledTrigger((state, trigger) => calls.Add((state, trigger)));

        machine.Fire(Trigger.Y);

        CollectionAssert.AreEqual(new[] { (State.A, Trigger.Y) }, calls);
        Assert.AreEqual(State.A, machine.State);
    }

    [TestMethod]
    public void OnUnhandledTrigger_AlsoHandlesUnmetGuards()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).PermitIf(Trigger.X, State.B, () => false, "never");
        var calls = new List<(State, Trigger)>();
        machine.OnUnhandledTrigger((state, trigger) => calls.Add((state, trigger)));

        machine.Fire(Trigger.X);

        CollectionAssert.AreEqual(new[] { (State.A, Trigger.X) }, calls);
        Assert.AreEqual(State.A, machine.State);
    }

    [TestMethod]
    public void Ignore_DoesNothing()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        var events = new List<string>();
        machine.Configure(State.A)
            .Ignore(Trigger.Y)
            .OnEntry(() => events.Add("entry"))
            .OnExit(_ => events.Add("exit"));
        machine.OnTransitioned(_ => events.Add("transitioned"));
        machine.OnTransitionCompleted(_ => events.Add("completed"));
        machine.OnUnhandledTrigger((_, _) => events.Add("unhandled"));

        machine.Fire(Trigger.Y);

        Assert.IsEmpty(events);
        Assert.AreEqual(State.A, machine.State);
        Assert.IsTrue(machine.CanFire(Trigger.Y));
    }

    [TestMethod]
    public void CanFire_UnconfiguredTrigger_IsFalseWithNoUnmetGuards()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);

        Assert.IsFalse(machine.CanFire(Trigger.Y, out var unmet));
        Assert.IsNotNull(unmet);
        Assert.IsEmpty(unmet);
        Assert.IsTrue(machine.CanFire(Trigger.X));
    }
}
