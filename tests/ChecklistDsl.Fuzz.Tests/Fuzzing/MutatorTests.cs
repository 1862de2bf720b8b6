using ChecklistDsl.Fuzz.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Fuzz.Tests.Fuzzing;

/// <summary>The fuzzer's own parts: the corpus is complete and valid, and a seed means one case.</summary>
[TestClass]
public sealed class MutatorTests
{
    [TestMethod]
    public void Corpus_holds_every_test_input_file_the_rule_docs_examples_and_the_inline_analyzer_sources()
    {
        var origins = Corpus.All.Select(s => s.Origin).ToList();
        var inputs = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "tests"), "*.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryRoot.Path, p).Replace('\\', '/'))
            .Where(p => p.Contains("/Inputs/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .ToList();
        Assert.IsNotEmpty(inputs);
        foreach (var input in inputs)
            CollectionAssert.Contains(origins, input);
        Assert.IsGreaterThanOrEqualTo(22, origins.Count(o => o.StartsWith("docs/rules/", StringComparison.Ordinal)), "two examples per rule page at least");
        Assert.IsGreaterThanOrEqualTo(50, origins.Count(o => o.StartsWith("tests/ChecklistDsl.Analyzers.Tests/", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Corpus_sources_are_valid_csharp_before_mutation()
    {
        // Markers stripped and indentation removed correctly: the files and doc examples compile as their own
        // tests require. Inline analyzer sources may be fragments (joined to a shared tail in their test, or
        // deliberately broken), so most of them, not all, compile; none keeps a marker.
        var results = Corpus.All
            .Select(s => (s.Origin, s.Text, Errors: Compilations.Create("Corpus", [("/checklists/Checklist.cs", s.Text)]).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList()))
            .ToList();
        var inline = results.Where(r => r.Origin.StartsWith("tests/ChecklistDsl.Analyzers.Tests/", StringComparison.Ordinal)).ToList();
        var broken = results.Except(inline).Where(r => r.Errors.Count > 0).ToList();
        Assert.IsEmpty(broken, string.Join("\n", broken.Select(b => $"{b.Origin}: {b.Errors[0]}")));
        Assert.IsEmpty(inline.Where(r => r.Text.Contains("{|", StringComparison.Ordinal) || r.Text.Contains("|}", StringComparison.Ordinal)).Select(r => r.Origin));
        Assert.IsGreaterThanOrEqualTo(inline.Count * 9 / 10, inline.Count(r => r.Errors.Count == 0));
    }

    [TestMethod]
    public void A_seed_always_makes_the_same_case()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var first = Mutator.Create(seed);
            var second = Mutator.Create(seed);
            CollectionAssert.AreEqual(first.Mutations.ToList(), second.Mutations.ToList());
            CollectionAssert.AreEqual(first.Files.ToList(), second.Files.ToList());
            Assert.IsNotEmpty(first.Mutations, $"seed {seed} applied no mutation");
        }
    }

    [TestMethod]
    public void Every_mutation_in_the_library_applies_to_a_real_checklist_and_changes_it()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "ChecklistDsl.Generators.Tests", "Inputs", "DeploySafelyToProduction.cs"));
        foreach (var name in Mutator.Names)
        {
            var files = new List<SourceFile> { new("/checklists/Checklist.cs", source) };
            Assert.IsNotNull(Mutator.Apply(name, new Random(7), files), name);
            Assert.IsTrue(files.Count > 1 || files[0].Text != source, $"{name} left the source as it was");
        }
    }

    [TestMethod]
    public void Split_partial_moves_members_to_a_new_file_and_the_checklist_still_compiles()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "ChecklistDsl.Generators.Tests", "Inputs", "DeploySafelyToProduction.cs"));
        for (var seed = 0; seed < 20; seed++)
        {
            var files = new List<SourceFile> { new("/checklists/Checklist.cs", source) };
            var what = Mutator.Apply("split partial", new Random(seed), files);
            Assert.HasCount(2, files, what);
            var errors = Compilations.Create("Split", files.Select(f => (f.Path, f.Text))).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            // The class's attributes may be repeated on the new part (CS0579 for [Checklist]); nothing else may break.
            Assert.IsEmpty(errors.Where(e => e.Id != "CS0579"), $"{what}\n{string.Join("\n", errors)}\n{files[1].Text}");
        }
    }
}
