using ChecklistDsl.Generators.Generation;
using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// The spec cache behind the parser (Roslyn re-runs the parser for every checklist on every edit):
/// after any edit, a kept driver must generate exactly what a fresh run generates, and an untouched
/// checklist must not be parsed again.
/// </summary>
[TestClass]
[DoNotParallelize] // the cache is process-wide; Clear() in one test must not race another's runs
public sealed class ParsedChecklistCacheTests
{
    private const string Checklist = """
        using ChecklistDsl;

        namespace Samples
        {
            [Checklist("Rotate keys", Environment = "staging")]
            public partial class RotateKeys
            {
                [Step("Create the new key"), Check("The key is in the vault")]
                public void Create() { }
            }
        }
        """;

    private const string SecondPart = """
        using ChecklistDsl;

        namespace Samples
        {
            public partial class RotateKeys
            {
                [Step("Retire the old key")]
                public void Retire() { }
            }
        }
        """;

    private const string Unrelated = "namespace App { public static class Helper { public static int Answer() => 41; } }";

    private static object?[] ParsedSpecs(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Checklists]
            .SelectMany(step => step.Outputs).Select(output => output.Value).ToArray();

    [TestMethod]
    public void After_each_edit_a_kept_driver_generates_what_a_fresh_run_generates()
    {
        ParsedChecklistCache.Clear();
        var compilation = GeneratorHarness.Compilation(("RotateKeys.cs", Checklist), ("RotateKeys.Part.cs", SecondPart), ("Helper.cs", Unrelated));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = GeneratorHarness.GeneratedTexts(driver)["Samples.RotateKeys.g.cs"];

        var edits = new (string Why, string Path, string Text)[]
        {
            ("an unrelated edit", "Helper.cs", Unrelated.Replace("41", "42")),
            // A closer CheckAttribute, declared in another file, now takes [Check]: the checklist loses its check.
            ("a type elsewhere shadows [Check]", "Helper.cs", Unrelated + "\nnamespace Samples { public sealed class CheckAttribute : System.Attribute { public CheckAttribute(string text) { } } }"),
            ("the shadowing type goes away", "Helper.cs", Unrelated),
            ("the other partial file changes", "RotateKeys.Part.cs", SecondPart.Replace("Retire the old key", "Revoke the old key")),
            ("the title moves to a constant in another file", "RotateKeys.cs", Checklist.Replace("\"Rotate keys\"", "App.Titles.Rotate")),
            ("that constant changes", "Helper.cs", Unrelated + "\nnamespace App { public static class Titles { public const string Rotate = \"Rotate the keys\"; } }"),
        };
        var seen = new HashSet<string> { before };
        foreach (var (why, path, text) in edits)
        {
            compilation = GeneratorHarness.ReplaceFile(compilation, path, text);
            driver = driver.RunGenerators(compilation);
            var kept = GeneratorHarness.GeneratedTexts(driver);
            var fresh = GeneratorHarness.FreshRun(compilation);
            CollectionAssert.AreEquivalent(fresh.Keys.ToArray(), kept.Keys.ToArray(), why);
            foreach (var (name, source) in fresh)
                Assert.AreEqual(source, kept[name], $"after {why}, {name} differs from a fresh run");
            seen.Add(kept.GetValueOrDefault("Samples.RotateKeys.g.cs", ""));
        }
        // The edits did change the output (the oracle above is not comparing two copies of nothing).
        Assert.IsGreaterThanOrEqualTo(4, seen.Count);
    }

    [TestMethod]
    public void The_spec_is_reused_after_an_unrelated_edit_and_not_after_one_that_could_shadow_a_name()
    {
        ParsedChecklistCache.Clear();
        var compilation = GeneratorHarness.Compilation(("RotateKeys.cs", Checklist), ("RotateKeys.Part.cs", SecondPart), ("Helper.cs", Unrelated));
        GeneratorHarness.CreateDriver().RunGenerators(compilation);

        Assert.IsTrue(Cached(GeneratorHarness.ReplaceFile(compilation, "Helper.cs", Unrelated.Replace("41", "42"))), "an unrelated edit");
        Assert.IsFalse(Cached(GeneratorHarness.ReplaceFile(compilation, "Helper.cs", Unrelated + "\nclass CheckAttribute : System.Attribute { }")), "a CheckAttribute appears");
        Assert.IsFalse(Cached(GeneratorHarness.ReplaceFile(compilation, "Helper.cs", Unrelated + "\nclass StepContext { }")), "a StepContext appears");
        Assert.IsFalse(Cached(GeneratorHarness.ReplaceFile(compilation, "Helper.cs", Unrelated + "\nclass KeyBase { public class StepAttribute : System.Attribute { } }")), "a nested StepAttribute appears (a base class's would be in scope)");
        Assert.IsFalse(Cached(GeneratorHarness.ReplaceFile(compilation, "RotateKeys.Part.cs", SecondPart + " ")), "another part of the class changes");
        Assert.IsFalse(Cached(compilation.RemoveReferences(compilation.References.Last())), "a reference goes");
    }

    /// <summary>Whether the parser would take RotateKeys' spec from the cache in <paramref name="compilation"/>.</summary>
    private static bool Cached(CSharpCompilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "RotateKeys.cs");
        var node = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().Single();
        var type = compilation.GetSemanticModel(tree).GetDeclaredSymbol(node)!;
        return ParsedChecklistCache.TryGet(node, type, compilation, out _);
    }
}
