using ChecklistDsl.Engine;

namespace ChecklistDsl.Tests.Engine;

[TestClass]
public sealed class GuardTests
{
    [TestMethod]
    public void Fire_UnmetGuard_ThrowsNamingTheGuard()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).PermitIf(Trigger.Y, State.B, () => false, "every check ticked");

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(Trigger.Y));

        Assert.AreEqual(
            "Trigger 'Y' is valid for transition from state 'A' but a guard conditions are not met. Guard descriptions: 'every check ticked'.",
            error.Message);
        Assert.AreEqual(State.A, machine.State);
    }

    [TestMethod]
    public void Fire_SeveralUnmetGuards_ListsEachOnceInConfigurationOrder()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .PermitIf(Trigger.Y, State.B, () => false, "first")
            .PermitIf(Trigger.Y, State.C, Tuple.Create<Func<bool>, string>(() => true, "met"), Tuple.Create<Func<bool>, string>(() => false, "second"))
            .PermitIf(Trigger.Y, State.D, () => false, "first");

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(Trigger.Y));

        Assert.AreEqual(
            "Trigger 'Y' is valid for transition from state 'A' but a guard conditions are not met. Guard descriptions: 'first, second'.",
            error.Message);
    }

    [TestMethod]
    public void CanFire_UnmetGuards_ReturnsFalseAndListsThem()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => false, "checks ticked")
            .PermitIf(Trigger.X, State.C, () => false, "approved");

        Assert.IsFalse(machine.CanFire(Trigger.X, out var unmet));

        CollectionAssert.AreEqual(new[] { "checks ticked", "approved" }, unmet.ToArray());
        Assert.IsFalse(machine.CanFire(Trigger.X));
    }

    [TestMethod]
    public void CanFire_MetGuard_ReturnsTrueWithNoUnmetGuards()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => false, "no")
            .PermitIf(Trigger.X, State.C, () => true, "yes");

        Assert.IsTrue(machine.CanFire(Trigger.X, out var unmet));

        Assert.IsEmpty(unmet);
    }

    [TestMethod]
    public void Fire_TakesTheTransitionWhoseGuardHolds()
    {
        var open = false;
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => open, "open")
            .PermitIf(Trigger.X, State.C, () => !open, "closed");

        machine.Fire(Trigger.X);

        Assert.AreEqual(State.C, machine.State);
    }

    [TestMethod]
    public void PermitIf_SeveralGuards_NeedsAllOfThem()
    {
        var first = true;
        var second = false;
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).PermitIf(
            Trigger.X,
            State.B,
            Tuple.Create<Func<bool>, string>(() => first, "first"),
            Tuple.Create<Func<bool>, string>(() => second, "second"));

        Assert.IsFalse(machine.CanFire(Trigger.X, out var unmet));
        CollectionAssert.AreEqual(new[] { "second" }, unmet.ToArray());

        second = true;
        machine.Fire(Trigger.X);
        Assert.AreEqual(State.B, machine.State);
    }

    [TestMethod]
    public void Fire_TwoTrueGuards_Throws()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => true, "one")
            .PermitIf(Trigger.X, State.C, () => true, "two");

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(Trigger.X));

        Assert.AreEqual(
            "Multiple permitted exit transitions are configured from state 'A' for trigger 'X'. Guard clauses must be mutually exclusive.",
            error.Message);
        Assert.AreEqual(State.A, machine.State);
    }

    [TestMethod]
    public void CanFire_TwoTrueGuards_Throws()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .Permit(Trigger.X, State.B)
            .PermitIf(Trigger.X, State.C, () => true, "two");

        Assert.ThrowsExactly<InvalidOperationException>(() => machine.CanFire(Trigger.X));
    }

    [TestMethod]
    public void Guards_AreEvaluatedOnEveryFireAndCanFire()
    {
        var evaluations = 0;
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).PermitIf(Trigger.X, State.B, () => { evaluations++; return true; }, "counted");

        machine.CanFire(Trigger.X);
        machine.CanFire(Trigger.X, out _);
        machine.Fire(Trigger.X);

        Assert.AreEqual(3, evaluations);
    }

    [TestMethod]
    public void GuardDescription_DefaultsToFunctionForALambda()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).PermitIf(Trigger.X, State.B, () => false);

        machine.CanFire(Trigger.X, out var unmet);

        CollectionAssert.AreEqual(new[] { "Function" }, unmet.ToArray());
    }

    [TestMethod]
    public void GuardDescription_DefaultsToTheMethodNameForAMethodGroup()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .PermitIf(Trigger.X, State.B, IsReady)
            .PermitIf(Trigger.X, State.C, Tuple.Create<Func<bool>, string>(IsReady, null!));

        machine.CanFire(Trigger.X, out var unmet);

        CollectionAssert.AreEqual(new[] { "IsReady" }, unmet.ToArray());
    }

    private static bool IsReady() => false;
}
