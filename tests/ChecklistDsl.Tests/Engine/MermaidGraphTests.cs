using ChecklistDsl.Engine;
using ChecklistDsl.Engine.Graph;

namespace ChecklistDsl.Tests.Engine;

[TestClass]
public sealed class MermaidGraphTests
{
    [TestMethod]
    public void Format_ListsTransitionsInConfigurationOrder()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.B)
            .Permit(Trigger.Y, State.D)
            .PermitReentry(Trigger.Z);
        machine.Configure(State.A)
            .Permit(Trigger.X, State.B)
            .Ignore(Trigger.Z)
            .PermitIf(Trigger.Y, State.C, () => true, "checks ticked")
            .PermitIf(Trigger.Y, State.D, Tuple.Create<Func<bool>, string>(() => false, "approved"), Tuple.Create<Func<bool>, string>(() => false, "not rejected"))
            .OnEntry(() => { });
        machine.Configure(State.C).OnEntry(() => { });

        var text = MermaidGraph.Format(machine.GetInfo());

        Assert.AreEqual(
            "stateDiagram-v2\n" +
            "    [*] --> A\n" +
            "    B --> D : Y\n" +
            "    B --> B : Z\n" +
            "    A --> B : X\n" +
            "    A --> C : Y [checks ticked]\n" +
            "    A --> D : Y [approved and not rejected]\n",
            text);
    }

    [TestMethod]
    public void Format_InitialStateIsTheStateReadFromExternalStorage()
    {
        var machine = new StateMachine<State, Trigger>(() => State.C, _ => { });
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.C).Permit(Trigger.X, State.A);

        var text = MermaidGraph.Format(machine.GetInfo());

        Assert.AreEqual("stateDiagram-v2\n    [*] --> C\n    A --> B : X\n    C --> A : X\n", text);
    }

    [TestMethod]
    public void Format_InitialStateStaysAfterFiring()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Fire(Trigger.X);

        Assert.AreEqual("stateDiagram-v2\n    [*] --> A\n    A --> B : X\n", MermaidGraph.Format(machine.GetInfo()));
    }

    [TestMethod]
    public void GetInfo_DescribesStatesTransitionsAndGuards()
    {
        var machine = new StateMachine<State, Trigger>(State.D);
        machine.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => true, "ready")
            .Ignore(Trigger.Y);

        var info = machine.GetInfo();

        Assert.AreEqual(State.D, info.InitialState.UnderlyingState);
        CollectionAssert.AreEqual(new object[] { State.A, State.D, State.B }, info.States.Select(s => s.UnderlyingState).ToArray());
        var transition = info.States[0].Transitions.Single();
        Assert.AreEqual(Trigger.X, transition.Trigger);
        Assert.AreEqual(State.B, transition.DestinationState);
        CollectionAssert.AreEqual(new[] { "ready" }, transition.GuardDescriptions.ToArray());
        Assert.IsEmpty(info.States[1].Transitions);
        Assert.IsEmpty(info.States[2].Transitions);
    }
}
