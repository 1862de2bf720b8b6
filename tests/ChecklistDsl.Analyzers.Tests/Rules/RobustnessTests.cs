using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

/// <summary>Malformed attributes and broken source are skipped, never a crash (AD0001).</summary>
[TestClass]
public sealed class RobustnessTests
{
    [TestMethod]
    public async Task Broken_source_and_malformed_attributes_do_not_throw_and_are_skipped()
    {
        var compilation = TestCompilation.Create(Verify.Usings + """
            [Checklist(Environment = 42)]
            public partial class Broken
            {
                [Step(12)] void A() { }
                [Step, Destroys(Missing)] void B() { }
                [Step, Destroys(null)] void C() { }
                [Step, Backup(1, 2)] void D() { }
                [Step, RollbackWith(), Command()] void E() { }
                [Step, Command("{Unclosed"), Command(null)] void F(
            }
            [Checklist] public partial class
            """);
        Assert.IsNotEmpty(TestCompilation.Errors(compilation));
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        Assert.IsTrue(diagnostics.All(d => d.Id.StartsWith("CHK", StringComparison.Ordinal)), string.Join("\n", diagnostics));
    }

    [TestMethod]
    public async Task Without_a_ChecklistDsl_reference_nothing_is_reported()
    {
        var test = new ChecklistAnalyzerTest { TestCode = "class Checklist { }" };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(CompilationReferences.Framework);
        await test.RunAsync();
    }
}
