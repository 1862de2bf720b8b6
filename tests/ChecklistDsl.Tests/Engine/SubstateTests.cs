using ChecklistDsl.Engine;

namespace ChecklistDsl.Tests.Engine;

[TestClass]
public sealed class SubstateTests
{
    /// <summary>A and B are substates of Super; Super goes to Other on Z; A goes to B on X.</summary>
    private static (StateMachine<State, Trigger> Machine, List<string> Events) CreateMachine(State initial)
    {
        var events = new List<string>();
        var machine = new StateMachine<State, Trigger>(initial);
        machine.Configure(State.Super)
            .Permit(Trigger.Z, State.Other)
            .Permit(Trigger.Y, State.D)
            .OnEntry(() => events.Add("enter Super"))
            .OnExit(_ => events.Add("exit Super"));
        machine.Configure(State.A)
            .SubstateOf(State.Super)
            .Permit(Trigger.X, State.B)
            .Permit(Trigger.Y, State.C)
            .OnEntry(() => events.Add("enter A"))
            .OnExit(_ => events.Add("exit A"));
        machine.Configure(State.B)
            .SubstateOf(State.Super)
            .Permit(Trigger.X, State.A)
            .OnEntry(() => events.Add("enter B"))
            .OnExit(_ => events.Add("exit B"));
        machine.Configure(State.Other)
            .Permit(Trigger.X, State.B)
            .Permit(Trigger.Y, State.Super)
            .OnEntry(() => events.Add("enter Other"))
            .OnExit(_ => events.Add("exit Other"));
        return (machine, events);
    }

    [TestMethod]
    public void IsInState_IsTrueForTheStateAndItsSuperstates()
    {
        var (machine, _) = CreateMachine(State.A);

        Assert.IsTrue(machine.IsInState(State.A));
        Assert.IsTrue(machine.IsInState(State.Super));
        Assert.IsFalse(machine.IsInState(State.B));
        Assert.IsFalse(machine.IsInState(State.Other));
    }

    [TestMethod]
    public void ATriggerUnhandledInTheSubstate_IsHandledByTheSuperstate()
    {
        var (machine, events) = CreateMachine(State.A);

        Assert.IsTrue(machine.CanFire(Trigger.Z));
        machine.Fire(Trigger.Z);

        Assert.AreEqual(State.Other, machine.State);
        CollectionAssert.AreEqual(new[] { "exit A", "exit Super", "enter Other" }, events);
    }

    [TestMethod]
    public void TheSubstatesOwnTransition_WinsOverTheSuperstates()
    {
        var (machine, _) = CreateMachine(State.A);

        machine.Fire(Trigger.Y);

        Assert.AreEqual(State.C, machine.State);
    }

    [TestMethod]
    public void MovingBetweenSubstates_NeitherExitsNorEntersTheSuperstate()
    {
        var (machine, events) = CreateMachine(State.A);

        machine.Fire(Trigger.X);

        Assert.AreEqual(State.B, machine.State);
        CollectionAssert.AreEqual(new[] { "exit A", "enter B" }, events);
    }

    [TestMethod]
    public void EnteringASubstateFromOutside_EntersTheSuperstateFirst()
    {
        var (machine, events) = CreateMachine(State.Other);

        machine.Fire(Trigger.X);

        Assert.AreEqual(State.B, machine.State);
        CollectionAssert.AreEqual(new[] { "exit Other", "enter Super", "enter B" }, events);
    }

    [TestMethod]
    public void AGuardUnmetInTheSubstate_FallsBackToTheSuperstate()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.Super).PermitIf(Trigger.X, State.C, () => false, "super guard");
        machine.Configure(State.A).SubstateOf(State.Super).PermitIf(Trigger.X, State.B, () => false, "sub guard");

        Assert.IsFalse(machine.CanFire(Trigger.X, out var unmet));
        CollectionAssert.AreEqual(new[] { "sub guard", "super guard" }, unmet.ToArray());

        machine.Configure(State.Super).Permit(Trigger.Z, State.D);
        machine.Fire(Trigger.Z);
        Assert.AreEqual(State.D, machine.State);
    }

    [TestMethod]
    public void IgnoreInTheSubstate_HidesTheSuperstatesTransition()
    {
        var (machine, events) = CreateMachine(State.A);
        machine.Configure(State.A).Ignore(Trigger.Z);

        machine.Fire(Trigger.Z);

        Assert.AreEqual(State.A, machine.State);
        Assert.IsEmpty(events);
    }

    [TestMethod]
    public void ASuperstatesReentry_FiredFromASubstate_ExitsBothAndReentersTheSuperstate()
    {
        var events = new List<string>();
        var machine = new StateMachine<State, Trigger>(State.B);
        machine.Configure(State.Super)
            .PermitReentry(Trigger.Y)
            .OnEntry(t => events.Add($"enter Super {t.Source}->{t.Destination}"))
            .OnExit(t => events.Add($"exit Super {t.Source}->{t.Destination}"));
        machine.Configure(State.B)
            .SubstateOf(State.Super)
            .OnExit(t => events.Add($"exit B {t.Source}->{t.Destination}"));
        machine.OnTransitioned(t => events.Add($"transitioned {t.Source}->{t.Destination} reentry={t.IsReentry}"));

        machine.Fire(Trigger.Y);

        Assert.AreEqual(State.Super, machine.State);
        CollectionAssert.AreEqual(
            new[] { "exit B B->Super", "exit Super Super->Super", "transitioned Super->Super reentry=True", "enter Super Super->Super" },
            events);
    }
}
