using System.Reflection;
using ChecklistDsl.Cli.Loading;

namespace ChecklistDsl.Cli.Tests.Loading;

/// <summary>An assembly the tool cannot read is named with the innermost cause, and a version mismatch with what to do.</summary>
[TestClass]
public sealed class LoadFailureTests
{
    [TestMethod]
    public void A_missing_runtime_member_behind_a_type_initializer_is_named_as_a_version_mismatch()
    {
        var missing = new MissingMethodException("Method not found: 'ChecklistDsl.ChecklistDefinition ChecklistDsl.DefinitionData.Load(System.Type, System.ReadOnlySpan`1<Byte>)'.");
        var thrown = new TypeInitializationException("ChecklistDsl.Generated.AssemblyChecklists", new TargetInvocationException(missing));

        var message = LoadedChecklists.LoadFailure("/x/Ops.dll", thrown);

        StringAssert.StartsWith(message, "Could not read the checklists of '/x/Ops.dll': Method not found: 'ChecklistDsl.ChecklistDefinition ChecklistDsl.DefinitionData.Load(");
        StringAssert.Contains(message, "rebuild it with ChecklistDsl " + typeof(ChecklistCatalog).Assembly.GetName().Version);
    }

    [TestMethod]
    public void Another_failure_keeps_its_own_message_without_the_version_hint()
    {
        var thrown = new TargetInvocationException(new InvalidOperationException("The generated plan of Ops.Deploy cannot be read: 'name' is missing"));

        var message = LoadedChecklists.LoadFailure("/x/Ops.dll", thrown);

        Assert.AreEqual("Could not read the checklists of '/x/Ops.dll': The generated plan of Ops.Deploy cannot be read: 'name' is missing", message);
    }
}
