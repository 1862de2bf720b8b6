using ChecklistDsl.Engine;

namespace ChecklistDsl.Tests.Engine;

[TestClass]
public sealed class FiringModeTests
{
    /// <summary>A → B on X; entering B fires Y (B → C) from inside the entry action.</summary>
    private static (StateMachine<State, Trigger> Machine, List<string> Events) CreateReentrantMachine(StateMachine<State, Trigger> machine)
    {
        var events = new List<string>();
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B)
            .Permit(Trigger.Y, State.C)
            .OnEntry(() =>
            {
                events.Add("entry B: fire Y");
                machine.Fire(Trigger.Y);
                events.Add($"entry B: after Fire, state {machine.State}");
            })
            .OnExit(_ => events.Add("exit B"));
        machine.Configure(State.C).OnEntry(() => events.Add("entry C"));
        machine.OnTransitionCompleted(t => events.Add($"completed {t.Source}->{t.Destination}"));
        return (machine, events);
    }

    [TestMethod]
    public void Queued_FireFromAnAction_RunsAfterTheCurrentTransitionCompletes()
    {
        var (machine, events) = CreateReentrantMachine(new StateMachine<State, Trigger>(State.A, FiringMode.Queued));

        machine.Fire(Trigger.X);

        CollectionAssert.AreEqual(
            new[] { "entry B: fire Y", "entry B: after Fire, state B", "completed A->B", "exit B", "entry C", "completed B->C" },
            events);
        Assert.AreEqual(State.C, machine.State);
    }

    [TestMethod]
    public void Immediate_FireFromAnAction_RunsAtOnce()
    {
        var (machine, events) = CreateReentrantMachine(new StateMachine<State, Trigger>(State.A, FiringMode.Immediate));

        machine.Fire(Trigger.X);

        CollectionAssert.AreEqual(
            new[] { "entry B: fire Y", "exit B", "entry C", "completed B->C", "entry B: after Fire, state C", "completed A->B" },
            events);
        Assert.AreEqual(State.C, machine.State);
    }

    [TestMethod]
    public void ConstructorsWithoutAMode_UseQueued()
    {
        var stored = State.A;
        var (internalState, internalEvents) = CreateReentrantMachine(new StateMachine<State, Trigger>(State.A));
        var (externalState, externalEvents) = CreateReentrantMachine(new StateMachine<State, Trigger>(() => stored, s => stored = s));

        internalState.Fire(Trigger.X);
        externalState.Fire(Trigger.X);

        var queuedOrder = new[] { "entry B: fire Y", "entry B: after Fire, state B", "completed A->B", "exit B", "entry C", "completed B->C" };
        CollectionAssert.AreEqual(queuedOrder, internalEvents);
        CollectionAssert.AreEqual(queuedOrder, externalEvents);
        Assert.AreEqual(State.C, stored);
    }

    [TestMethod]
    public void Queued_SeveralFiresFromActions_RunInOrder()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        var entered = new List<State>();
        machine.Configure(State.A).Permit(Trigger.X, State.B).OnEntry(t => entered.Add(t.Destination));
        machine.Configure(State.B).Permit(Trigger.Y, State.C).OnEntry(t =>
        {
            entered.Add(t.Destination);
            machine.Fire(Trigger.Y);
            machine.Fire(Trigger.Z);
        });
        machine.Configure(State.C).Permit(Trigger.Z, State.D).OnEntry(t => entered.Add(t.Destination));
        machine.Configure(State.D).OnEntry(t => entered.Add(t.Destination));

        machine.Fire(Trigger.X);

        CollectionAssert.AreEqual(new[] { State.B, State.C, State.D }, entered);
    }

    [TestMethod]
    public void Queued_ATransitionThatThrows_DiscardsTheTriggersQueuedBehindIt()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B)
            .Permit(Trigger.Y, State.C)
            .Permit(Trigger.X, State.A)
            .OnEntry(() =>
            {
                machine.Fire(Trigger.Y);
                throw new InvalidDataException("entry failed");
            });

        Assert.ThrowsExactly<InvalidDataException>(() => machine.Fire(Trigger.X));
        Assert.AreEqual(State.B, machine.State);

        // The queued Y is gone: this X runs alone, from B back to A.
        machine.Fire(Trigger.X);
        Assert.AreEqual(State.A, machine.State);
    }
}
