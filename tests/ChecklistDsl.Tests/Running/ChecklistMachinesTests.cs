namespace ChecklistDsl.Tests.Running;

[TestClass]
public sealed class ChecklistMachinesTests
{
    [TestMethod]
    public void A_definition_built_by_hand_has_no_machine_and_says_so()
    {
        var definition = TestChecklists.Create(new StepSpec("Only", []));

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => definition.CreateMachine(new ChecklistProgress(definition), ChecklistMachine.NotStarted));
        StringAssert.Contains(error.Message, "was not loaded from its generated class");
    }
}
