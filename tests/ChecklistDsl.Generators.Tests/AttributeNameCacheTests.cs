using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// The attribute names' answers kept across compilations (<see cref="AttributeNameCache"/>): the
/// edited checklist is read again, and its attribute spellings are looked up again only when
/// something that could change their meaning changed. Each case edits the checklist too (so the
/// parsed-spec cache misses and the names are what is tested), checks that the change does change
/// the output (a wrongly kept answer would show), and that a kept driver generates what a fresh run does.
/// </summary>
[TestClass]
[DoNotParallelize] // the caches and counters are process-wide
public sealed class AttributeNameCacheTests
{
    private const string Checklist = """
        using ChecklistDsl;
        using Note = ChecklistDsl.CheckAttribute;

        namespace Samples
        {
            [Checklist("Rotate keys")]
            public partial class RotateKeys
            {
                [Step("Create the new key"), Check("The key is in the vault"), Note("The old key still works")]
                public void Create() { }

                [Step("Retire the old key")]
                public void Retire() { }
            }
        }
        """;

    private const string Helper = "namespace App { public static class Helper { public static int Answer() => 41; } }";

    /// <summary>The checklist with its second step renamed: an edit that changes nothing its names mean.</summary>
    private static string Edited(string checklist, int revision = 1) => checklist.Replace("Retire the old key", $"Retire the old key ({revision})");

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(string checklist = Checklist, string helper = Helper)
    {
        ParsedChecklistCache.Clear();
        var compilation = GeneratorHarness.Compilation(("RotateKeys.cs", checklist), ("Helper.cs", helper));
        // A first edit, so the kept answers come from an edit run as well as from the full run.
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        compilation = GeneratorHarness.ReplaceFile(compilation, "RotateKeys.cs", Edited(checklist));
        driver = driver.RunGenerators(compilation);
        return (driver, compilation);
    }

    /// <summary>
    /// Runs the kept driver on <paramref name="changed"/>; asserts that it looked the names up again,
    /// that it generates what a fresh run generates, and that the change matters (against
    /// <paramref name="unchanged"/>, the same checklist edit without the change).
    /// </summary>
    private static void AssertLookedUpAgain(GeneratorDriver driver, CSharpCompilation changed, CSharpCompilation unchanged, string why)
    {
        var lookups = AttributeNameCache.LookupsForTesting;
        var kept = GeneratorHarness.GeneratedTexts(driver.RunGenerators(changed));
        Assert.IsGreaterThan(lookups, AttributeNameCache.LookupsForTesting, $"{why}: the names were not looked up again");
        var fresh = GeneratorHarness.FreshRun(changed);
        CollectionAssert.AreEquivalent(fresh.Keys.ToArray(), kept.Keys.ToArray(), why);
        foreach (var (name, source) in fresh)
            Assert.AreEqual(source, kept[name], $"after {why}, {name} differs from a fresh run");
        var without = GeneratorHarness.FreshRun(unchanged);
        Assert.IsFalse(
            without.Count == fresh.Count && without.All(pair => fresh.TryGetValue(pair.Key, out var other) && other == pair.Value),
            $"{why} does not change the output: the test would not see a wrongly kept answer");
    }

    [TestMethod]
    public void The_names_are_not_looked_up_again_after_an_edit_that_changes_nothing_they_depend_on()
    {
        var (driver, compilation) = FirstRun();
        var lookups = AttributeNameCache.LookupsForTesting;
        var reused = AttributeNameCache.ReusedForTesting;

        // The checklist itself (a title) and another file (a body) change; no directive, type name or reference does.
        var edited = GeneratorHarness.ReplaceFile(GeneratorHarness.ReplaceFile(compilation, "RotateKeys.cs", Edited(Checklist, 2)), "Helper.cs", Helper.Replace("41", "42"));
        var kept = GeneratorHarness.GeneratedTexts(driver.RunGenerators(edited));

        Assert.AreEqual(lookups, AttributeNameCache.LookupsForTesting, "a name was looked up again");
        Assert.IsGreaterThan(reused, AttributeNameCache.ReusedForTesting, "no kept answer was used");
        var fresh = GeneratorHarness.FreshRun(edited);
        Assert.AreEqual(fresh["Samples.RotateKeys.g.cs"], kept["Samples.RotateKeys.g.cs"]);
        StringAssert.Contains(kept["Samples.RotateKeys.g.cs"], "The old key still works");
    }

    [TestMethod]
    public void The_benchmarks_one_checklist_edit_looks_up_no_name()
    {
        // What PeerBenchmarks' AfterOneClassEdit and the Workload's --profile-edit measure, at 10 checklists.
        ParsedChecklistCache.Clear();
        var compilation = GeneratorHarness.Compilation(SyntheticChecklists.Generate(10, 5));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var lookups = AttributeNameCache.LookupsForTesting;
        var edited = GeneratorHarness.ReplaceFile(compilation, SyntheticChecklists.PathOf(5), SyntheticChecklists.Checklist(5, 5, revision: 1));
        var kept = GeneratorHarness.GeneratedTexts(driver.RunGenerators(edited));
        Assert.AreEqual(lookups, AttributeNameCache.LookupsForTesting, "the edited checklist's names were looked up again");
        CollectionAssert.AreEquivalent(GeneratorHarness.FreshRun(edited).ToArray(), kept.ToArray());
    }

    [TestMethod]
    public void An_alias_changed_in_the_edited_file_is_looked_up_again()
    {
        var (driver, compilation) = FirstRun();
        var retargeted = Edited(Checklist, 2).Replace("using Note = ChecklistDsl.CheckAttribute;", "using Note = System.ObsoleteAttribute;");
        AssertLookedUpAgain(driver, GeneratorHarness.ReplaceFile(compilation, "RotateKeys.cs", retargeted), GeneratorHarness.ReplaceFile(compilation, "RotateKeys.cs", Edited(Checklist, 2)), "the alias now names another attribute");
    }

    [TestMethod]
    public void A_global_using_added_in_another_file_is_looked_up_again()
    {
        // No using of its own: [Step] and [Check] name nothing until a global using brings them in.
        var checklist = Checklist.Replace("using ChecklistDsl;\n", "").Replace("[Checklist(", "[ChecklistDsl.Checklist(");
        var (driver, compilation) = FirstRun(checklist);
        var edited = GeneratorHarness.ReplaceFile(compilation, "RotateKeys.cs", Edited(checklist, 2));
        AssertLookedUpAgain(driver, GeneratorHarness.ReplaceFile(edited, "Helper.cs", "global using ChecklistDsl;\n" + Helper), edited, "a global using appears in another file");
    }

    [TestMethod]
    public void A_global_using_added_in_another_file_invalidates_an_unedited_checklist()
    {
        // The parsed-spec cache must see it too: here the checklist's own file does not change.
        var checklist = Checklist.Replace("using ChecklistDsl;\n", "").Replace("[Checklist(", "[ChecklistDsl.Checklist(");
        var (driver, compilation) = FirstRun(checklist);
        var changed = GeneratorHarness.ReplaceFile(compilation, "Helper.cs", "global using ChecklistDsl;\n" + Helper);
        var kept = GeneratorHarness.GeneratedTexts(driver.RunGenerators(changed));
        var fresh = GeneratorHarness.FreshRun(changed);
        Assert.IsTrue(fresh.ContainsKey("Samples.RotateKeys.g.cs"), "the global using makes the checklist generate");
        CollectionAssert.AreEquivalent(fresh.Keys.ToArray(), kept.Keys.ToArray());
        Assert.AreEqual(fresh["Samples.RotateKeys.g.cs"], kept["Samples.RotateKeys.g.cs"]);
    }

    [TestMethod]
    public void A_source_type_named_like_a_DSL_attribute_added_elsewhere_is_looked_up_again()
    {
        var (driver, compilation) = FirstRun();
        var edited = GeneratorHarness.ReplaceFile(compilation, "RotateKeys.cs", Edited(Checklist, 2));
        var shadow = Helper + "\nnamespace Samples { public sealed class CheckAttribute : System.Attribute { public CheckAttribute(string text) { } } }";
        AssertLookedUpAgain(driver, GeneratorHarness.ReplaceFile(edited, "Helper.cs", shadow), edited, "a closer CheckAttribute appears in another file");
    }

    [TestMethod]
    public void A_namespace_added_elsewhere_that_a_using_now_binds_to_is_looked_up_again()
    {
        // The using inside the namespace binds relative to it: Samples.ChecklistDsl, once it exists, hides ChecklistDsl.
        var checklist = Checklist
            .Replace("using ChecklistDsl;\nusing Note = ChecklistDsl.CheckAttribute;\n", "")
            .Replace("namespace Samples\n{\n", "namespace Samples\n{\n    using ChecklistDsl;\n")
            .Replace("[Checklist(", "[global::ChecklistDsl.Checklist(")
            .Replace(", Note(\"The old key still works\")", "");
        var (driver, compilation) = FirstRun(checklist);
        var edited = GeneratorHarness.ReplaceFile(compilation, "RotateKeys.cs", Edited(checklist, 2));
        AssertLookedUpAgain(driver, GeneratorHarness.ReplaceFile(edited, "Helper.cs", Helper + "\nnamespace Samples.ChecklistDsl { internal static class Empty { } }"), edited, "a namespace Samples.ChecklistDsl appears");
    }

    [TestMethod]
    public void Changed_references_are_looked_up_again()
    {
        var (driver, compilation) = FirstRun();
        var edited = GeneratorHarness.ReplaceFile(compilation, "RotateKeys.cs", Edited(Checklist, 2));
        // A new reference declares a CheckAttribute in the global namespace, which comes before the file's usings.
        AssertLookedUpAgain(driver, edited.AddReferences(ShadowingReference()), edited, "a reference that declares a CheckAttribute is added");
    }

    [TestMethod]
    public void A_changed_base_class_is_looked_up_again()
    {
        // A base class's nested types are in scope: Bases.WithCheck (from a reference) hides ChecklistDsl's CheckAttribute.
        // The base list is not a directive: only the base classes' identity tells the two apart.
        var checklist = Checklist.Replace("public partial class RotateKeys", "public partial class RotateKeys : Bases.Plain");
        ParsedChecklistCache.Clear();
        var compilation = GeneratorHarness.Compilation(("RotateKeys.cs", checklist), ("Helper.cs", Helper))
            .AddReferences(Library("namespace Bases { public class Plain { } public class WithCheck { public sealed class CheckAttribute : System.Attribute { public CheckAttribute(string text) { } } } }"));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = GeneratorHarness.ReplaceFile(compilation, "RotateKeys.cs", Edited(checklist, 2));
        var rebased = GeneratorHarness.ReplaceFile(compilation, "RotateKeys.cs", Edited(checklist, 2).Replace("Bases.Plain", "Bases.WithCheck"));
        AssertLookedUpAgain(driver, rebased, edited, "the base class now has a nested CheckAttribute");
    }

    private static MetadataReference ShadowingReference() =>
        Library("public sealed class CheckAttribute : System.Attribute { public CheckAttribute(string text) { } }");

    private static MetadataReference Library(string source)
    {
        var library = CSharpCompilation.Create(
            "Library" + source.GetHashCode(),
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions)],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.IsTrue(library.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
