using ChecklistDsl.Engine;

namespace ChecklistDsl.Tests.Engine;

[TestClass]
public sealed class ConfigurationTests
{
    private const string SelfTransitionMessage =
        "Permit() (and PermitIf()) require that the destination state is not equal to the source state. To accept a trigger without changing state, use either Ignore() or PermitReentry().";

    [TestMethod]
    public void Permit_ToTheConfiguredState_ThrowsArgumentException()
    {
        var machine = new StateMachine<State, Trigger>(State.A);

        var error = Assert.ThrowsExactly<ArgumentException>(() => machine.Configure(State.A).Permit(Trigger.X, State.A));

        Assert.AreEqual(SelfTransitionMessage, error.Message);
    }

    [TestMethod]
    public void PermitIf_ToTheConfiguredState_ThrowsArgumentException()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        var configuration = machine.Configure(State.A);

        Assert.ThrowsExactly<ArgumentException>(() => configuration.PermitIf(Trigger.X, State.A, () => true, "guard"));
        Assert.ThrowsExactly<ArgumentException>(() => configuration.PermitIf(Trigger.X, State.A, Tuple.Create<Func<bool>, string>(() => true, "guard")));
    }

    [TestMethod]
    public void PermitIf_NullGuard_ThrowsArgumentNullException()
    {
        var configuration = new StateMachine<State, Trigger>(State.A).Configure(State.A);

        Assert.ThrowsExactly<ArgumentNullException>(() => configuration.PermitIf(Trigger.X, State.B, (Func<bool>)null!));
        Assert.ThrowsExactly<ArgumentException>(() => configuration.PermitIf(Trigger.X, State.B, Tuple.Create<Func<bool>, string>(null!, "guard")));
    }

    [TestMethod]
    public void Configure_TheSameStateTwice_AddsToOneConfiguration()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.A).Permit(Trigger.Y, State.C);

        Assert.IsTrue(machine.CanFire(Trigger.X));
        machine.Fire(Trigger.Y);
        Assert.AreEqual(State.C, machine.State);
    }

    [TestMethod]
    public void ConfigurationMethods_ReturnTheConfigurationForChaining()
    {
        var configuration = new StateMachine<State, Trigger>(State.A).Configure(State.A);

        Assert.AreSame(configuration, configuration.Permit(Trigger.X, State.B));
        Assert.AreSame(configuration, configuration.PermitIf(Trigger.X, State.C, () => false, "g"));
        Assert.AreSame(configuration, configuration.PermitIf(Trigger.X, State.D, Tuple.Create<Func<bool>, string>(() => false, "g")));
        Assert.AreSame(configuration, configuration.PermitReentry(Trigger.Y));
        Assert.AreSame(configuration, configuration.Ignore(Trigger.Z));
        Assert.AreSame(configuration, configuration.OnEntry(() => { }));
        Assert.AreSame(configuration, configuration.OnEntry(_ => { }));
        Assert.AreSame(configuration, configuration.OnEntryAsync(() => Task.CompletedTask));
        Assert.AreSame(configuration, configuration.OnEntryFrom(Trigger.X, _ => { }));
        Assert.AreSame(configuration, configuration.OnExit(_ => { }));
        Assert.AreSame(configuration, configuration.SubstateOf(State.Super));
    }

    [TestMethod]
    public void SubstateOf_Itself_ThrowsArgumentException()
    {
        var machine = new StateMachine<State, Trigger>(State.A);

        Assert.ThrowsExactly<ArgumentException>(() => machine.Configure(State.A).SubstateOf(State.A));
    }

    [TestMethod]
    public void SubstateOf_ACycle_ThrowsArgumentException()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).SubstateOf(State.B);
        machine.Configure(State.B).SubstateOf(State.Super);

        var error = Assert.ThrowsExactly<ArgumentException>(() => machine.Configure(State.Super).SubstateOf(State.A));

        StringAssert.StartsWith(error.Message, "Configuring Super as a substate of A creates an illegal cyclic configuration.");
    }

    [TestMethod]
    public void SubstateOf_ASecondSuperstate_ThrowsArgumentException()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).SubstateOf(State.Super);

        Assert.ThrowsExactly<ArgumentException>(() => machine.Configure(State.A).SubstateOf(State.Other));
        machine.Configure(State.A).SubstateOf(State.Super); // the same one again is fine
        Assert.IsTrue(machine.IsInState(State.Super));
    }

    [TestMethod]
    public void Constructor_NullAccessorOrMutator_ThrowsArgumentNullException()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => new StateMachine<State, Trigger>(null!, _ => { }));
        Assert.ThrowsExactly<ArgumentNullException>(() => new StateMachine<State, Trigger>(() => State.A, null!, FiringMode.Immediate));
    }
}
