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
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("NoDsl",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Checklist { }")],
            TestCompilation.References.Where(r => !r.Display!.EndsWith("ChecklistDsl.dll", StringComparison.Ordinal)),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        Assert.IsEmpty(await TestCompilation.AnalyzeAsync(compilation));
    }
}
