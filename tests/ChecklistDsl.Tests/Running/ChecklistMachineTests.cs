namespace ChecklistDsl.Tests.Running;

[TestClass]
public sealed class ChecklistMachineTests
{
    [TestMethod]
    public void CanFire_WhenTheMachineReportsNullUnmetGuards_GivesAnEmptyList()
    {
        // Real Stateless sets unmetGuards to null for a trigger the current state does not configure.
        var machine = Create((ChecklistTrigger _, out ICollection<string> unmet) =>
        {
            unmet = null!;
            return false;
        });

        Assert.IsFalse(machine.CanFire(ChecklistTrigger.Skip, out var unmetGuards));

        Assert.IsNotNull(unmetGuards);
        Assert.IsEmpty(unmetGuards);
    }

    [TestMethod]
    public void CanFire_PassesTheMachinesUnmetGuardsThrough()
    {
        var machine = Create((ChecklistTrigger trigger, out ICollection<string> unmet) =>
        {
            unmet = [$"guard for {trigger}"];
            return false;
        });

        Assert.IsFalse(machine.CanFire(ChecklistTrigger.Complete, out var unmetGuards));

        CollectionAssert.AreEqual(new[] { "guard for Complete" }, unmetGuards.ToArray());
    }

    private static ChecklistMachine Create(ChecklistMachine.CanFireFunc canFire)
    {
        var definition = TestChecklists.Create(new StepSpec("Only", []));
        return new ChecklistMachine(definition, new ChecklistProgress(definition), () => ChecklistMachine.NotStarted, canFire, _ => { });
    }
}
