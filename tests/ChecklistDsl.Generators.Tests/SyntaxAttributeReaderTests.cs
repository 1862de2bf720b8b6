using ChecklistDsl.Generators.Common;
using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Generators.Dsl.Model;
using ChecklistDsl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// The parser reads member attributes from syntax where it can; the compiler's attribute data is the
/// reference. Every checklist must parse to the same spec both ways, and the fast way must really be taken.
/// </summary>
[TestClass]
public sealed class SyntaxAttributeReaderTests
{
    private const string Tricky = """"
        using System.Threading.Tasks;
        using ChecklistDsl;
        using Alias = ChecklistDsl.StepAttribute;

        namespace Tricky
        {
            public static class Titles { public const string Deploy = "Deploy it"; }

            [Checklist("Constants")]
            public partial class Constants
            {
                [Step(Titles.Deploy)] public void A() { }
                [Step($"Interpolated {Titles.Deploy}")] public void B() { }
                [Step("plain"), Check("one"), Check("two")] public void C() { }
            }

            [Checklist]
            public partial class OwnConstants
            {
                public const string Deploy = "shadows the outer constant";
                private const string Reason = @"a ""verbatim"" reason", Other = "other";
                private const string Composed = Reason + "!";
                [Step(Deploy), NoRollback(Reason)] public void A() { }
                [Step(Other)] public void B() { }

                public class Titles { public const string Deploy = "not this one"; }
            }

            [Checklist]
            public partial class ComposedConstant { private const string Composed = "a" + "b"; [Step(Composed)] public void A() { } }

            [Checklist]
            public partial class Qualified
            {
                [ChecklistDsl.Step("qualified")] public void A() { }
                [Alias("aliased")] public void B() { }
                [global::ChecklistDsl.StepAttribute(Purpose = "p")] public void C() { }
            }

            [Checklist(Summary = "literals of every kind")]
            public partial class Literals
            {
                [Step(@"verbatim ""quoted""", Purpose = """raw "text" """, Optional = true, Timeout = "00:10:00")]
                [Backup("db", " files ", "", Verified = true, OffSite = false)]
                public void A() { }

                [Step(null), RollbackWith(nameof(Undo)), Modifies("config")] public void B() { }
                [Rollback("Undo it", Instructions = "carefully"), Command("git revert")] public void Undo() { }
                [StepAttribute, Destroys()] public Task C(StepContext context) => Task.CompletedTask;
                [method: Step, AssumeSafe("CHK002", "because")] [return: Check("not a check")] public static void D(StepContext context) { }
                [Step, NoRollback("append-only")] public void E(StepContext? context) { }
                [Step, Approval("QA lead"), Section("Later")] public void F(int notAContext) { }
                [System.Obsolete, Step("with a foreign attribute")] public void G() { }
                [Input("Site")] public string Site { get; set; } = "";
                [Secret] public string Token { get; init; } = "";
                [field: Input("not an input")] public string Field { get; set; } = "";
                [Input] public string ReadOnly => "";
            }

            namespace Shadowed
            {
                public sealed class CheckAttribute : System.Attribute { public CheckAttribute(string text) { } }

                [Checklist]
                public partial class UsesItsOwnCheck { [Step, Check("mine, not the DSL's")] public void A() { } }
            }

            public partial class Outer
            {
                [Checklist] public partial class Nested { [Step] public void A() { } }
            }

            [Checklist] public partial class Split { [Step("first")] public void A() { } }
        }
        """";

    private const string TrickySecondFile = """
        using ChecklistDsl;

        namespace Tricky
        {
            public partial class Split { [Step("second"), Check("from the other file")] public void B() { } }
        }
        """;

    [TestMethod]
    public void Every_tricky_checklist_parses_the_same_from_syntax_as_from_symbols()
    {
        var parsed = ParseBothWays(GeneratorHarness.Compilation(("Tricky.cs", Tricky), ("TrickySecond.cs", TrickySecondFile)));

        Assert.HasCount(8, parsed);
        foreach (var (name, fromSyntax, fromSymbols, _) in parsed)
            Assert.AreEqual(fromSymbols, fromSyntax, $"{name}: the syntax reading differs from the compiler's attribute data");
    }

    [TestMethod]
    public void Literal_arguments_are_read_from_syntax_and_anything_else_from_symbols()
    {
        var parsed = ParseBothWays(GeneratorHarness.Compilation(("Tricky.cs", Tricky), ("TrickySecond.cs", TrickySecondFile)))
            .ToDictionary(p => p.Name);

        Assert.IsTrue(parsed["Literals"].AllFromSyntax, "literals, nameof, targets and foreign attributes need no binding");
        Assert.IsTrue(parsed["Split"].AllFromSyntax);
        Assert.IsTrue(parsed["Nested"].AllFromSyntax);
        Assert.IsTrue(parsed["UsesItsOwnCheck"].AllFromSyntax);
        Assert.IsTrue(parsed["OwnConstants"].AllFromSyntax, "the class's own literal constants need no binding");
        Assert.AreEqual("shadows the outer constant", parsed["OwnConstants"].FromSyntax!.Steps[0].Title);
        Assert.AreEqual("a \"verbatim\" reason", parsed["OwnConstants"].FromSyntax!.Steps[0].NoRollbackReason);
        Assert.IsFalse(parsed["ComposedConstant"].AllFromSyntax, "a composed constant is bound");
        Assert.IsFalse(parsed["Constants"].AllFromSyntax, "another type's constant needs binding");
        Assert.IsFalse(parsed["Qualified"].AllFromSyntax, "qualified and aliased names are bound");

        var literals = parsed["Literals"].FromSyntax!;
        Assert.AreEqual("verbatim \"quoted\"", literals.Steps[0].Title);
        Assert.AreEqual("raw \"text\"", literals.Steps[0].Purpose);
        CollectionAssert.AreEqual(new[] { "db", "files" }, literals.Steps[0].Backup!.Resources.ToArray());
        Assert.AreEqual("Undo", literals.Steps[1].RollbackWith);
        Assert.AreEqual(AutomationKind.Async, literals.Steps[2].Automation.Kind);
        Assert.IsEmpty(literals.Steps[3].Checks, "[return: Check] belongs to the return value");
        Assert.AreEqual(AutomationKind.None, literals.Steps[4].Automation.Kind, "StepContext? is not the automation signature");
        Assert.AreEqual("Site, Token, ReadOnly", string.Join(", ", literals.Inputs.Select(i => i.Name)));
        Assert.IsEmpty(parsed["UsesItsOwnCheck"].FromSyntax!.Steps[0].Checks, "a closer CheckAttribute shadows the DSL's");
        Assert.AreEqual("Deploy it", parsed["Constants"].FromSyntax!.Steps[0].Title);
    }

    [TestMethod]
    public void The_seeds_and_the_test_inputs_parse_the_same_both_ways_and_from_syntax()
    {
        var folder = RepositoryRoot.Combine("checklists");
        var sources = Directory.GetFiles(folder, "*.cs").Select(f => (f, File.ReadAllText(f)))
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Inputs"), "*.cs").Select(f => (f, File.ReadAllText(f))))
            .ToArray();
        var parsed = new List<(string Name, ChecklistSpec? FromSyntax, ChecklistSpec? FromSymbols, bool AllFromSyntax)>();
        foreach (var source in sources)
            parsed.AddRange(ParseBothWays(GeneratorHarness.Compilation(source)));

        Assert.IsGreaterThanOrEqualTo(8, parsed.Count);
        foreach (var (name, fromSyntax, fromSymbols, _) in parsed)
        {
            Assert.IsNotNull(fromSymbols, name);
            Assert.AreEqual(fromSymbols, fromSyntax, name);
        }
        // Seeds name their own constants (NoRollback(DerivedData)): those are literals too.
        Assert.AreEqual("", string.Join(", ", parsed.Where(p => !p.AllFromSyntax).Select(p => p.Name)), "read from symbols");
    }

    private static List<(string Name, ChecklistSpec? FromSyntax, ChecklistSpec? FromSymbols, bool AllFromSyntax)> ParseBothWays(CSharpCompilation compilation)
    {
        var result = new List<(string, ChecklistSpec?, ChecklistSpec?, bool)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol type
                    || AttributeReader.Find(type, KnownNames.Checklist) is not { } checklist
                    || checklist.ApplicationSyntaxReference!.SyntaxTree != tree)
                    continue;
                var reader = new SyntaxAttributeReader(compilation, CancellationToken.None);
                var fromSyntax = ChecklistReader.Read(type, checklist, reader, CancellationToken.None);
                var fromSymbols = ChecklistReader.Read(type, checklist, new SyntaxAttributeReader(compilation, CancellationToken.None, symbolsOnly: true), CancellationToken.None);
                result.Add((type.Name, fromSyntax, fromSymbols, reader.AllFromSyntax));
            }
        }
        return result;
    }
}
