using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using ChecklistDsl.Generators.Generation;
using ChecklistDsl.Generators.Dsl.Model;
using ChecklistDsl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// The generator at the scale of the performance targets. Caching: 1,000 synthetic checklists
/// (5 steps each, to keep the test quick), a driver kept between runs; an edit to one checklist
/// re-runs the emitter for that checklist only, an edit to an unrelated file runs none. Size: the
/// runbooks stay out of the assembly's 16 MB user-string heap, which 1,000 x 20 runbooks overflowed (CS8103).
/// </summary>
[TestClass]
public sealed class ScaleIncrementalTests
{
    private const int Checklists = 1000;
    private const int Steps = 5;
    private const int Edited = 437;

    private static CSharpCompilation s_compilation = null!;
    private static GeneratorDriver s_driver = null!;

    [ClassInitialize]
    public static void FirstRun(TestContext _)
    {
        s_compilation = GeneratorHarness.Compilation(SyntheticChecklists.Generate(Checklists, Steps));
        s_driver = GeneratorHarness.CreateDriver().RunGenerators(s_compilation);
        var first = s_driver.GetRunResult().Results.Single();
        Assert.IsNull(first.Exception);
        Assert.HasCount(Checklists + 1, first.GeneratedSources, "every synthetic checklist generates, plus the catalog");
    }

    private static CSharpCompilation Replace(string path, string text) =>
        s_compilation.ReplaceSyntaxTree(
            s_compilation.SyntaxTrees.Single(t => t.FilePath == path),
            CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path));

    private static bool IsCachedOrUnchanged(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    [TestMethod]
    public void An_edit_to_one_of_1000_checklists_reruns_the_emitter_for_that_checklist_only()
    {
        var edited = Replace(SyntheticChecklists.PathOf(Edited), SyntheticChecklists.Checklist(Edited, Steps, revision: 1));

        var result = s_driver.RunGenerators(edited).GetRunResult().Results.Single();

        var emitted = result.TrackedSteps[TrackingNames.Generatable].SelectMany(s => s.Outputs).ToList();
        Assert.HasCount(Checklists, emitted);
        var modified = emitted.Where(o => o.Reason == IncrementalStepRunReason.Modified)
            .Select(o => ((ChecklistSpec)o.Value).ClassName)
            .ToList();
        CollectionAssert.AreEqual(new[] { SyntheticChecklists.ClassName(Edited) }, modified);
        var others = emitted.Where(o => o.Reason != IncrementalStepRunReason.Modified).Select(o => o.Reason).ToList();
        Assert.IsTrue(others.All(IsCachedOrUnchanged), "other checklists: " + string.Join(", ", others.Distinct()));
        // The source outputs: one rewritten file, the rest cached.
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.AreEqual(1, outputs.Count(o => o.Reason == IncrementalStepRunReason.Modified), "source outputs rewritten");
        StringAssert.Contains(
            result.GeneratedSources.Single(s => s.HintName == $"{SyntheticChecklists.Namespace(Edited)}.{SyntheticChecklists.ClassName(Edited)}.g.cs").SourceText.ToString(),
            "Health endpoint returns 200 (revision 1)");
    }

    [TestMethod]
    public void An_edit_to_an_unrelated_file_runs_no_emitter_among_1000_checklists()
    {
        var edited = Replace(SyntheticChecklists.UnrelatedPath, SyntheticChecklists.Unrelated(revision: 1));

        var result = s_driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in TrackingNames.All)
        {
            Assert.IsTrue(result.TrackedSteps.ContainsKey(name), $"step {name} is not tracked");
            var reasons = result.TrackedSteps[name].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.IsTrue(reasons.All(IsCachedOrUnchanged), $"step {name}: " + string.Join(", ", reasons.Distinct()));
        }
        Assert.HasCount(Checklists, result.TrackedSteps[TrackingNames.Generatable].SelectMany(s => s.Outputs));
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.IsTrue(outputs.All(IsCachedOrUnchanged), "source outputs: " + string.Join(", ", outputs.Distinct()));
    }

    [TestMethod]
    public void The_runbooks_stay_out_of_the_user_string_heap_and_still_reach_the_definitions()
    {
        const int checklists = 40, steps = 20;
        var output = GeneratorHarness.Run(GeneratorHarness.Compilation(SyntheticChecklists.Generate(checklists, steps))).Output;
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.IsTrue(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var assembly = GeneratorHarness.Load(output);
        var definitions = ChecklistCatalog.FromAssembly(assembly);
        Assert.HasCount(checklists, definitions);
        var runbookCharacters = 0L;
        foreach (var definition in definitions)
        {
            var markdown = (string)assembly.GetType(definition.FullName)!.GetProperty("Markdown")!.GetValue(null)!;
            Assert.AreEqual(markdown, definition.Markdown);
            StringAssert.StartsWith(markdown, "# " + definition.Title + "\n");
            runbookCharacters += markdown.Length;
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        // An ldstr of each runbook would put 2 bytes per character (UTF-16) into this heap, besides every other literal.
        var userStringBytes = pe.GetMetadataReader().GetHeapSize(HeapIndex.UserString);
        Assert.IsLessThan(runbookCharacters, (long)userStringBytes, $"user-string heap {userStringBytes} bytes, runbooks {runbookCharacters} characters");
    }
}
