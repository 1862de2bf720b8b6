using ChecklistDsl.Engine;

namespace ChecklistDsl.Tests.Engine;

[TestClass]
public sealed class TransitionOrderTests
{
    [TestMethod]
    public void Fire_RunsExitMutatorTransitionedEntryEntryFromCompleted_InThatOrder()
    {
        var events = new List<string>();
        var stored = State.A;
        var machine = new StateMachine<State, Trigger>(() => stored, s => { stored = s; events.Add($"mutator {s}"); });
        machine.Configure(State.A)
            .Permit(Trigger.X, State.B)
            .OnExit(t => events.Add($"exit A {t.Trigger}"));
        machine.Configure(State.B)
            .OnEntry(() => events.Add($"entry B, state {machine.State}"))
            .OnEntryFrom(Trigger.Y, _ => events.Add("entry from Y"))
            .OnEntryFrom(Trigger.X, t => events.Add($"entry from X {t.Source}->{t.Destination}"))
            .OnEntry(t => events.Add($"entry B with transition {t.Trigger}"));
        machine.OnTransitioned(t => events.Add($"transitioned {t.Source}->{t.Destination}, stored {stored}"));
        machine.OnTransitionCompleted(t => events.Add($"completed {t.Source}->{t.Destination}"));

        machine.Fire(Trigger.X);

        CollectionAssert.AreEqual(
            new[]
            {
                "exit A X",
                "mutator B",
                "transitioned A->B, stored B",
                "entry B, state B",
                "entry from X A->B",
                "entry B with transition X",
                "completed A->B",
            },
            events);
    }

    [TestMethod]
    public void ExitActionsRunBeforeTheStateChanges()
    {
        State? seenOnExit = null;
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B).OnExit(_ => seenOnExit = machine.State);

        machine.Fire(Trigger.X);

        Assert.AreEqual(State.A, seenOnExit);
        Assert.AreEqual(State.B, machine.State);
    }

    [TestMethod]
    public void OnEntryFrom_RunsOnlyForItsTrigger()
    {
        var events = new List<string>();
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B).Permit(Trigger.Y, State.C);
        machine.Configure(State.B).Permit(Trigger.Z, State.A);
        machine.Configure(State.C).OnEntryFrom(Trigger.X, _ => events.Add("from X"));
        machine.Configure(State.B).OnEntryFrom(Trigger.X, _ => events.Add("B from X")).OnEntryFrom(Trigger.Y, _ => events.Add("B from Y"));

        machine.Fire(Trigger.X);
        machine.Fire(Trigger.Z);
        machine.Fire(Trigger.Y);

        CollectionAssert.AreEqual(new[] { "B from X" }, events);
        Assert.AreEqual(State.C, machine.State);
    }

    [TestMethod]
    public void SeveralHandlers_RunInRegistrationOrder()
    {
        var events = new List<string>();
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.OnTransitioned(_ => events.Add("transitioned 1"));
        machine.OnTransitionCompleted(_ => events.Add("completed 1"));
        machine.OnTransitioned(_ => events.Add("transitioned 2"));
        machine.OnTransitionCompleted(_ => events.Add("completed 2"));

        machine.Fire(Trigger.X);

        CollectionAssert.AreEqual(new[] { "transitioned 1", "transitioned 2", "completed 1", "completed 2" }, events);
    }

    [TestMethod]
    public void PermitReentry_RunsExitThenEntryAndReportsAReentry()
    {
        var events = new List<string>();
        var mutated = new List<State>();
        var machine = new StateMachine<State, Trigger>(() => State.A, mutated.Add);
        machine.Configure(State.A)
            .PermitReentry(Trigger.Y)
            .OnExit(t => events.Add($"exit {t.Source}->{t.Destination}"))
            .OnEntry(t => events.Add($"entry reentry={t.IsReentry}"));
        machine.OnTransitioned(t => events.Add($"transitioned reentry={t.IsReentry}"));
        machine.OnTransitionCompleted(_ => events.Add("completed"));

        machine.Fire(Trigger.Y);

        CollectionAssert.AreEqual(new[] { "exit A->A", "transitioned reentry=True", "entry reentry=True", "completed" }, events);
        CollectionAssert.AreEqual(new[] { State.A }, mutated);
        Assert.AreEqual(State.A, machine.State);
    }

    [TestMethod]
    public void Transition_IsNotReentryBetweenDifferentStates_AndParametersAreNeverNull()
    {
        var transitions = new List<StateMachine<State, Trigger>.Transition>();
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B).PermitReentry(Trigger.Y);
        machine.OnTransitioned(transitions.Add);

        machine.Fire(Trigger.X);
        machine.Fire(Trigger.Y);

        Assert.HasCount(2, transitions);
        Assert.IsFalse(transitions[0].IsReentry);
        Assert.AreEqual((State.A, State.B, Trigger.X), (transitions[0].Source, transitions[0].Destination, transitions[0].Trigger));
        Assert.IsTrue(transitions[1].IsReentry);
        Assert.AreEqual((State.B, State.B, Trigger.Y), (transitions[1].Source, transitions[1].Destination, transitions[1].Trigger));
        foreach (var transition in transitions)
        {
            Assert.IsNotNull(transition.Parameters);
            Assert.IsEmpty(transition.Parameters);
        }
    }

    [TestMethod]
    public void AnActionThatThrows_StopsTheTransitionWhereItThrew()
    {
        var events = new List<string>();
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B).OnEntry(() => throw new InvalidDataException("entry failed"));
        machine.OnTransitionCompleted(_ => events.Add("completed"));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => machine.Fire(Trigger.X));

        Assert.AreEqual("entry failed", error.Message);
        Assert.AreEqual(State.B, machine.State);
        Assert.IsEmpty(events);
    }
}
