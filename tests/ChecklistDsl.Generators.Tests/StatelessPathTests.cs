using ChecklistDsl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// Where the compilation references Stateless, the generated machine is Stateless' own. Stateless
/// cannot be restored here, so the generated code is compiled against a compile-only declaration of
/// its public surface (Fixtures/StatelessApiSurface.cs.txt).
/// </summary>
[TestClass]
public sealed class StatelessPathTests
{
    [TestMethod]
    [DataRow("DeploySafelyToProduction")]
    [DataRow("ProductionToStagingSync")]
    [DataRow("MinimalManual")]
    public void With_Stateless_referenced_the_machine_is_Stateless_and_compiles(string input)
    {
        var statelessSurface = CSharpCompilation.Create(
                "Stateless",
                [CSharpSyntaxTree.ParseText(TestFiles.Fixture("StatelessApiSurface.cs.txt"), GeneratorHarness.ParseOptions)],
                GeneratorHarness.References,
                new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary))
            .ToMetadataReference();
        var compilation = GeneratorHarness.Compilation((input + ".cs", TestFiles.Input(input + ".cs"))).AddReferences(statelessSurface);

        var result = GeneratorHarness.Run(compilation);

        var errors = GeneratorHarness.Errors(result.Output);
        Assert.AreEqual(0, errors.Count, "Generated code does not compile against Stateless' API:\n" + string.Join("\n", errors));
        foreach (var source in result.Sources.Where(s => s.HintName != "ChecklistDsl.AssemblyChecklists.g.cs"))
        {
            var text = source.SourceText.ToString();
            StringAssert.Contains(text, "global::Stateless.StateMachine<Step, Trigger>");
            Assert.IsFalse(text.Contains("global::ChecklistDsl.Engine.", StringComparison.Ordinal), "the built-in engine must not be used when Stateless is referenced");
        }
    }

    [TestMethod]
    public void Without_Stateless_the_machine_is_the_built_in_engine()
    {
        var result = GeneratorHarness.Run(TestFiles.Input("MinimalManual.cs"));
        StringAssert.Contains(result.Source("QuarterlyAccessReview.g.cs"), "global::ChecklistDsl.Engine.StateMachine<Step, Trigger>");
    }
}
