using ChecklistDsl.Generators.Generation;
using ChecklistDsl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// The pipeline's caching, observed through its tracked steps: an unrelated edit regenerates nothing,
/// an edit to one checklist regenerates that checklist only.
/// </summary>
[TestClass]
public sealed class IncrementalTests
{
    private const string Unrelated = "namespace App { public static class Helper { public static int Answer() => 41; } }";

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compilation(
            ("DeploySafelyToProduction.cs", TestFiles.Input("DeploySafelyToProduction.cs")),
            ("ProductionToStagingSync.cs", TestFiles.Input("ProductionToStagingSync.cs")),
            ("Helper.cs", Unrelated));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path));
    }

    [TestMethod]
    public void An_edit_to_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, "Helper.cs", Unrelated.Replace("41", "42"));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in TrackingNames.All)
        {
            Assert.IsTrue(result.TrackedSteps.ContainsKey(name), $"step {name} is not tracked");
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                    Assert.IsTrue(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} output was {reason}");
            }
        }
        foreach (var (_, reason) in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
            Assert.IsTrue(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output was {reason}");
    }

    [TestMethod]
    public void An_edit_to_one_checklist_regenerates_only_that_checklist()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, "ProductionToStagingSync.cs",
            TestFiles.Input("ProductionToStagingSync.cs").Replace("Back up the production database", "Back up production's database"));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var emitted = result.TrackedSteps[TrackingNames.Generatable].SelectMany(s => s.Outputs).ToList();
        var modified = emitted.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((Generators.Dsl.Model.ChecklistSpec)o.Value).ClassName).ToList();
        CollectionAssert.AreEqual(new[] { "ProductionToStagingSync" }, modified);
        Assert.IsTrue(emitted.Where(o => o.Reason != IncrementalStepRunReason.Modified).All(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        // The catalog lists names only: a step title edit does not rewrite it.
        Assert.IsTrue(result.TrackedSteps[TrackingNames.Catalog].SelectMany(s => s.Outputs).All(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        StringAssert.Contains(result.GeneratedSources.Single(s => s.HintName == "Samples.Sync.ProductionToStagingSync.g.cs").SourceText.ToString(), "Back up production's database");
    }
}
