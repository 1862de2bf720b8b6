using ChecklistDsl.Shared;

namespace ChecklistDsl.Tests.Running;

/// <summary>
/// The public <see cref="ChecklistTrigger"/> enum and the trigger names the generator writes
/// (src/Shared/TriggerNames.cs) are one list: same names, same order, so the same values.
/// </summary>
[TestClass]
public sealed class TriggerNamesTests
{
    [TestMethod]
    public void The_public_trigger_enum_is_the_shared_list_in_order()
    {
        CollectionAssert.AreEqual(TriggerNames.All, Enum.GetNames<ChecklistTrigger>());
        CollectionAssert.AreEqual(Enumerable.Range(0, TriggerNames.All.Length).ToArray(), Enum.GetValues<ChecklistTrigger>().Select(t => (int)t).ToArray());
    }
}
