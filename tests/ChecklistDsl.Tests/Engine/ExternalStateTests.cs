using ChecklistDsl.Engine;

namespace ChecklistDsl.Tests.Engine;

[TestClass]
public sealed class ExternalStateTests
{
    [TestMethod]
    public void Accessor_IsReadOnceInTheConstructor()
    {
        var reads = 0;
        var stored = State.B;
        var machine = new StateMachine<State, Trigger>(() => { reads++; return stored; }, s => stored = s);
        machine.Configure(State.B).Permit(Trigger.X, State.C);
        machine.Configure(State.C).Permit(Trigger.Y, State.D);

        Assert.AreEqual(1, reads);
        Assert.AreEqual(State.B, machine.State);
        machine.Fire(Trigger.X);
        machine.CanFire(Trigger.Y);
        Assert.IsTrue(machine.IsInState(State.C));
        machine.Fire(Trigger.Y);
        _ = machine.State;

        Assert.AreEqual(1, reads);
    }

    [TestMethod]
    public void Machine_TracksTheStateItself_AfterTheConstructor()
    {
        var stored = State.A;
        var machine = new StateMachine<State, Trigger>(() => stored, _ => { /* storage that drops writes */ });
        machine.Configure(State.A).Permit(Trigger.X, State.B);

        stored = State.D;
        machine.Fire(Trigger.X);

        Assert.AreEqual(State.B, machine.State);
    }

    [TestMethod]
    public void Mutator_IsCalledOnEveryChange_AndNotOnIgnoreOrUnhandled()
    {
        var stored = State.A;
        var writes = new List<State>();
        var machine = new StateMachine<State, Trigger>(() => stored, s => { stored = s; writes.Add(s); });
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B).Permit(Trigger.X, State.C).Ignore(Trigger.Z);
        machine.Configure(State.C).Permit(Trigger.Y, State.A);
        machine.OnUnhandledTrigger((_, _) => { });

        machine.Fire(Trigger.X);
        machine.Fire(Trigger.Z);
        machine.Fire(Trigger.Y);
        machine.Fire(Trigger.X);
        machine.Fire(Trigger.Y);

        CollectionAssert.AreEqual(new[] { State.B, State.C, State.A }, writes);
        Assert.AreEqual(State.A, stored);
    }

    [TestMethod]
    public void Mutator_IsNotCalledByTheConstructor()
    {
        var writes = 0;
        var machine = new StateMachine<State, Trigger>(() => State.C, _ => writes++, FiringMode.Immediate);

        Assert.AreEqual(State.C, machine.State);
        Assert.AreEqual(0, writes);
    }
}
