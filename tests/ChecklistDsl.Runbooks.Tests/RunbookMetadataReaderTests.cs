using ChecklistDsl.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ChecklistDsl.Runbooks;
using ChecklistDsl.Runbooks.Tests.Infrastructure;

namespace ChecklistDsl.Runbooks.Tests;

/// <summary>The metadata reader finds what the generator compiled in, without running anything.</summary>
[TestClass]
public sealed class RunbookMetadataReaderTests
{
    [TestMethod]
    public void Reads_the_five_seed_runbooks_exactly_as_their_definitions_hold_them()
    {
        var found = RunbookMetadataReader.Read(Repository.ChecklistsAssembly);

        Assert.IsEmpty(found.ChecklistsWithoutMarkdown);
        var expected = Repository.Definitions.OrderBy(d => d.RunbookFileName, StringComparer.Ordinal).ToList();
        Assert.HasCount(5, expected);
        CollectionAssert.AreEqual(
            expected.Select(d => (d.Name, d.RunbookFileName, d.Title, d.Summary, d.Markdown)).ToList(),
            found.Runbooks.Select(r => (r.ClassName, r.FileName, r.Title, r.Summary, r.Markdown)).ToList());
    }

    [TestMethod]
    [DataRow("DeploySafelyToProduction", "deploy-safely-to-production.md")]
    [DataRow("WordPressPluginSyncFixDeployment", "word-press-plugin-sync-fix-deployment.md")]
    [DataRow("HTTPSCertificateRenewal", "https-certificate-renewal.md")]
    [DataRow("Upgrade2To3", "upgrade2-to3.md")]
    [DataRow("Single", "single.md")]
    [DataRow("XMLHttpRequest2Handler", "xml-http-request2-handler.md")]
    public void File_names_follow_the_generators_kebab_case(string className, string fileName)
    {
        Assert.AreEqual(fileName, RunbookFileNames.For(className));
        // The generator's rule itself (Naming.RunbookFileName): Humanizer's Kebaberize.
        Assert.AreEqual(Humanizer.InflectorExtensions.Kebaberize(className) + ".md", RunbookFileNames.For(className));
    }

    [TestMethod]
    public void A_file_that_is_not_an_assembly_is_reported_as_such()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("not-an-assembly.dll");
        File.WriteAllText(path, "plain text");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => RunbookMetadataReader.Read(path));
        StringAssert.Contains(error.Message, "is not a .NET assembly");
    }

    [TestMethod]
    public void An_assembly_without_checklists_has_no_runbooks()
    {
        var found = RunbookMetadataReader.Read(typeof(ChecklistDefinition).Assembly.Location);

        Assert.IsEmpty(found.Runbooks);
        Assert.IsEmpty(found.ChecklistsWithoutMarkdown);
    }

    [TestMethod]
    public void Reads_only_the_runbook_argument_and_lists_checklists_the_generator_did_not_run_on()
    {
        // Compiled here without the generator: a [ChecklistData] written out (a null plan, a runbook
        // with multi-byte UTF-8), and a checklist class without one.
        var source = """
            using ChecklistDsl;
            [Checklist("Bare")] public partial class Bare { [Step] void A() { } }
            [Checklist("Hand"), ChecklistData(null!, "# Hand — ünïcode ✓\nbody\n", "NotStarted: Start A")]
            public partial class Hand { [Step] void A() { } }
            """;
        using var temp = new TempFolder();

        var found = RunbookMetadataReader.Read(CompiledWithoutTheGenerator(source, temp.Combine("Hand.Checklists.dll")));

        CollectionAssert.AreEqual(new[] { "Bare" }, found.ChecklistsWithoutMarkdown.ToArray());
        var hand = found.Runbooks.Single();
        Assert.AreEqual(("Hand", "hand.md", "Hand — ünïcode ✓", "# Hand — ünïcode ✓\nbody\n"), (hand.ClassName, hand.FileName, hand.Title, hand.Markdown));
    }

    [TestMethod]
    public void Draws_the_diagram_from_the_plan_and_the_table_and_names_a_runbook_whose_diagram_cannot_be_drawn()
    {
        // Compiled here without the generator: two stored runbooks with the diagram's placeholder, one
        // over a table that names a step the plan does not have (guard C5 of one step).
        var placeholder = RunbookDiagram.PlaceholderBlock.Replace("\n", "\\n");
        var source = $$"""
            using ChecklistDsl;
            [Checklist("Good"), ChecklistData(
                "{\"steps\":[{\"name\":\"A\",\"title\":\"Back up; then go\",\"rollbackName\":\"Undo\",\"rollbackState\":\"Undo\"}],\"rollbacks\":[{\"name\":\"Undo\",\"title\":\"Undo it\"}]}",
                "# Good\n\n{{placeholder}}",
                "NotStarted: Start A\nA: Complete Completed T0; Fail Undo; Abort Aborted\nUndo: Complete RolledBack; Fail Aborted; Abort Aborted")]
            public partial class Good { }
            [Checklist("Bad"), ChecklistData(
                "{\"steps\":[{\"name\":\"A\",\"title\":\"A\"}]}",
                "# Bad\n\n{{placeholder}}",
                "NotStarted: Start A\nA: Complete Completed C5")]
            public partial class Bad { }
            """;
        using var temp = new TempFolder();

        var found = RunbookMetadataReader.Read(CompiledWithoutTheGenerator(source, temp.Combine("Drawn.Checklists.dll")));

        var good = found.Runbooks.Single(r => r.ClassName == "Good");
        Assert.AreEqual("""
            # Good

            ```mermaid
            stateDiagram-v2
                [*] --> NotStarted
                NotStarted --> A : Start
                A --> Completed : Complete [all checks ticked]
                A --> Undo : Fail
                Undo --> RolledBack : Complete
                note left of Aborted
                    Abort from any step or rollback
                    Fail from any step or rollback without a Fail edge drawn
                end note
                A : 1. Back up#59; then go
                Undo : R1. Undo it
            ```

            """.ReplaceLineEndings("\n"), good.Markdown);
        var (className, reason) = found.UndrawnDiagrams.Single();
        Assert.AreEqual("Bad", className);
        StringAssert.Contains(reason, "'C5' is not a guard over one of 1 steps");
        Assert.AreEqual("# Bad\n\n" + RunbookDiagram.PlaceholderBlock, found.Runbooks.Single(r => r.ClassName == "Bad").Markdown);
    }

    /// <summary>Compiles <paramref name="source"/> to <paramref name="path"/> as a checklists project, without the generator.</summary>
    private static string CompiledWithoutTheGenerator(string source, string path)
    {
        var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(path), [CSharpSyntaxTree.ParseText(source)], CompilationReferences.Checklists,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var emitted = compilation.Emit(path);
        Assert.IsTrue(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }
}
