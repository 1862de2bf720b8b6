using ChecklistDsl.Generators.Tests.Infrastructure;
using ChecklistDsl.Generators.Generation.Machine;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// What the generator (netstandard2.0, loaded by the compiler) and the runtime must agree on but cannot
/// share as code: held to each other here.
/// </summary>
[TestClass]
public sealed class SharedNamesTests
{
    [TestMethod]
    public void The_reserved_states_the_plan_data_format_and_the_triggers_agree()
    {
        CollectionAssert.AreEqual(
            new[] { ChecklistMachine.NotStarted, ChecklistMachine.Completed, ChecklistMachine.Aborted, ChecklistMachine.RolledBack },
            new[] { MachineLayout.NotStarted, MachineLayout.Completed, MachineLayout.Aborted, MachineLayout.RolledBack });

        var generated = GeneratedChecklists.Assembly.GetType("QuarterlyAccessReview")!.GetNestedType("Trigger")!;
        CollectionAssert.AreEqual(Enum.GetNames<ChecklistTrigger>(), Enum.GetNames(generated));
        CollectionAssert.AreEqual(Enum.GetValues<ChecklistTrigger>().Select(t => (int)t).ToArray(), Enum.GetValues(generated).Cast<int>().ToArray());
    }
}
