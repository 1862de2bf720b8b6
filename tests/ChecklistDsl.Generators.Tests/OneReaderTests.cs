using ChecklistDsl.Generators.Analysis;
using ChecklistDsl.Generators.Dsl.Model;
using ChecklistDsl.Generators.Generation;
using ChecklistDsl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// The generator and the analyzers read a checklist through the one DSL reader: what the rules judge is
/// the very description the generator emits.
/// </summary>
[TestClass]
public sealed class OneReaderTests
{
    [TestMethod]
    public void The_analyzers_judge_the_description_the_generator_emits_for_every_seed_and_sample()
    {
        var folder = RepositoryRoot.Combine("checklists");
        var seeds = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).Select(path => (path, File.ReadAllText(path))).ToArray();
        var samples = new[] { "DeploySafelyToProduction.cs", "ProductionToStagingSync.cs", "MinimalManual.cs", "ConditionsRetriesWaits.cs" }
            .Select(name => (name, TestFiles.Input(name))).ToArray();
        var compared = 0;
        foreach (var sources in new[] { seeds, samples })
        {
            var result = GeneratorHarness.Run(GeneratorHarness.Compilation(sources));
            var emitted = result.RunResult.Results.Single().TrackedSteps[TrackingNames.Generatable]
                .SelectMany(s => s.Outputs).Select(o => (ChecklistSpec)o.Value).ToList();
            foreach (var spec in emitted)
            {
                // As the analyzer sees the class: in the compilation that holds the generated code too.
                var metadataName = (spec.Namespace.Length > 0 ? spec.Namespace + "." : "") + string.Join("+", spec.ContainingTypes.Select(c => c.Name).Append(spec.ClassName));
                var type = result.Output.GetTypeByMetadataName(metadataName);
                Assert.IsNotNull(type, spec.FullName);
                var analyzed = AnalyzedChecklist.Read(type, result.Output, CancellationToken.None);
                Assert.IsNotNull(analyzed, spec.FullName);
                Assert.AreEqual(spec, analyzed.Description, spec.FullName);
                compared++;
            }
        }
        Assert.IsGreaterThanOrEqualTo(9, compared);
    }

    [TestMethod]
    public void Inputs_of_a_base_class_are_the_checklists_inputs_for_the_generator_as_for_CHK008()
    {
        var result = GeneratorHarness.Run("""
            using ChecklistDsl;
            namespace Sites;
            public abstract class SiteChecklist
            {
                [Input("Upstream address")] public string Upstream { get; set; } = "";
                [Secret] public string Token { get; init; } = "";
            }
            [Checklist]
            public partial class Deploy : SiteChecklist
            {
                [Input("Site")] public string Site { get; set; } = "";
                [Step, Command("curl -H \"Authorization: {Token}\" {Upstream}/{Site}")] void Probe() { }
            }
            """);

        var definition = ChecklistCatalog.FromAssembly(GeneratorHarness.Load(result.Output)).Single();
        CollectionAssert.AreEqual(new[] { "Site", "Upstream", "Token" }, definition.Inputs.Select(i => i.Name).ToList());
        Assert.IsTrue(definition.Inputs.Single(i => i.Name == "Token").IsSecret);

        var type = result.Output.GetTypeByMetadataName("Sites.Deploy")!;
        var diagnostics = ChecklistAnalyzer.Analyze(AnalyzedChecklist.Read(type, result.Output, CancellationToken.None)!, CancellationToken.None).ToList();
        Assert.IsEmpty(diagnostics.Where(d => d.Id == "CHK008"), string.Join("\n", diagnostics));
    }
}
