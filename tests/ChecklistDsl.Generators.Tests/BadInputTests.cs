using ChecklistDsl.Generators.Tests.Infrastructure;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// A class that cannot be generated is skipped: no file for it, no exception, no generator
/// diagnostic (the CHK analyzers explain), and the other checklists still generate.
/// </summary>
[TestClass]
public sealed class BadInputTests
{
    private const string Good = """
        [ChecklistDsl.Checklist] public partial class Good { [ChecklistDsl.Step] void Only() { } }
        """;

    [TestMethod]
    [DataRow("not partial", "[Checklist] public class Bad { [Step] void A() { } }")]
    [DataRow("no steps", "[Checklist] public partial class Bad { void A() { } }")]
    [DataRow("malformed Timeout", "[Checklist] public partial class Bad { [Step(Timeout = \"an hour\")] void A() { } }")]
    [DataRow("negative Timeout", "[Checklist] public partial class Bad { [Step(Timeout = \"-01:00:00\")] void A() { } }")]
    [DataRow("RollbackWith a missing method", "[Checklist] public partial class Bad { [Step, Modifies(\"x\"), RollbackWith(\"Nope\")] void A() { } }")]
    [DataRow("RollbackWith a method that is not a rollback", "[Checklist] public partial class Bad { [Step, Modifies(\"x\"), RollbackWith(nameof(B))] void A() { } void B() { } }")]
    [DataRow("RollbackWith null", "[Checklist] public partial class Bad { [Step, Modifies(\"x\"), RollbackWith(null!)] void A() { } }")]
    [DataRow("overloaded step methods", "[Checklist] public partial class Bad { [Step] void A() { } [Step] void A(int x) { } }")]
    [DataRow("a step named like a reserved state", "[Checklist] public partial class Bad { [Step] void Completed() { } }")]
    [DataRow("a member named like a generated one", "[Checklist] public partial class Bad { [Step] void A() { } public int Markdown; }")]
    [DataRow("generic class", "[Checklist] public partial class Bad<T> { [Step] void A() { } }")]
    [DataRow("a method that is both step and rollback", "[Checklist] public partial class Bad { [Step, Rollback] void A() { } }")]
    [DataRow("an approval quorum below 1", "[Checklist] public partial class Bad { [Step, Approval(\"DBA\", Required = 0)] void A() { } }")]
    [DataRow("a negative approval quorum", "[Checklist] public partial class Bad { [Step, Approval(\"DBA\", Required = -2)] void A() { } }")]
    [DataRow("not-partial containing type", "public class Outer { [Checklist] public partial class Bad { [Step] void A() { } } }")]
    public void A_class_that_cannot_be_generated_is_skipped_without_crashing(string why, string source)
    {
        var result = GeneratorHarness.Run("using ChecklistDsl;\n" + source + "\n" + Good);

        Assert.IsFalse(result.Sources.Any(s => s.HintName.Contains("Bad", StringComparison.Ordinal)), $"{why}: a file was generated for the bad class");
        Assert.AreEqual(0, result.GeneratorDiagnostics.Length, $"{why}: " + string.Join("\n", result.GeneratorDiagnostics));
        StringAssert.Contains(result.Source("Good.g.cs"), "partial class Good", why);
    }

    [TestMethod]
    [DataRow("wrong argument types", "[Checklist(42)] public partial class Odd { [Step(7)] [Check(null)] [Backup(1, 2)] void A() { } }")]
    [DataRow("syntax errors", "[Checklist(\"T\"] public partial class Odd { [Step(\"x\" void A( { }")]
    [DataRow("an attribute that does not resolve", "[Checklist] public partial class Odd { [Step, Nonexistent] [Command(\"echo\")] void A() { } }")]
    [DataRow("empty strings", "[Checklist(\"\", Summary = \"\")] public partial class Odd { [Step(\"\"), Section(\"\"), Check(\"\"), Command(\"\"), Modifies(\"\")] void A() { } }")]
    public void Malformed_attributes_never_crash_the_generator(string why, string source)
    {
        // GeneratorHarness.Run fails the test if the generator threw.
        var result = GeneratorHarness.Run("using ChecklistDsl;\n" + source + "\n" + Good);

        Assert.AreEqual(0, result.GeneratorDiagnostics.Length, $"{why}: " + string.Join("\n", result.GeneratorDiagnostics));
        StringAssert.Contains(result.Source("Good.g.cs"), "partial class Good", why);
    }

    [TestMethod]
    public void Text_is_escaped_into_the_generated_code()
    {
        var result = GeneratorHarness.Run("""
            using ChecklistDsl;
            [Checklist("Quotes \" and \\ backslashes\u2028and a line separator")]
            public partial class Tricky { [Step("Tab\there"), Command("echo \"{{x}}\"")] void A() { } }
            """);

        Assert.AreEqual(0, GeneratorHarness.Errors(result.Output).Count, string.Join("\n", GeneratorHarness.Errors(result.Output)));
        var definition = ChecklistCatalog.FromAssembly(GeneratorHarness.Load(result.Output)).Single();
        Assert.AreEqual("Quotes \" and \\ backslashes\u2028and a line separator", definition.Title);
        Assert.AreEqual("echo \"{{x}}\"", definition.Steps[0].Commands[0]);
    }

    [TestMethod]
    public void Texts_that_a_raw_literal_cannot_hold_as_written_still_reach_the_definition_and_the_runbook()
    {
        // Quotes that would close a raw literal, braces, a lone surrogate (UTF-8 cannot hold one) and
        // line breaks other than \n (a raw literal would read them as its own line breaks).
        var result = GeneratorHarness.Run("""
            using ChecklistDsl;
            [Checklist("Four \"\"\"\" quotes and {braces}")]
            public partial class Quoted { [Step("Lone \uD800 surrogate"), Check("next\u2028line"), Command("printf '\"\"\"'\r\necho {{x}}")] void A() { } }
            """);

        Assert.AreEqual(0, GeneratorHarness.Errors(result.Output).Count, string.Join("\n", GeneratorHarness.Errors(result.Output)));
        StringAssert.Contains(result.Source("Quoted.g.cs"), "runbook: \"", "a runbook with a line separator falls back to an escaped literal");
        StringAssert.Contains(result.Source("Quoted.g.cs"), "plan: \"\"\"\n", "the plan escapes what a raw literal cannot hold");
        var type = GeneratorHarness.Load(result.Output).GetType("Quoted")!;
        var definition = ChecklistCatalog.FromAssembly(type.Assembly).Single();
        Assert.AreEqual("Four \"\"\"\" quotes and {braces}", definition.Title);
        Assert.AreEqual("Lone \uD800 surrogate", definition.Steps[0].Title, "the plan carries the author's text exactly");
        Assert.AreEqual("next\u2028line", definition.Steps[0].Checks[0]);
        Assert.AreEqual("printf '\"\"\"'\r\necho {{x}}", definition.Steps[0].Commands[0]);
        StringAssert.StartsWith(definition.Markdown, "# Four \"\"\"\" quotes and &#123;braces&#125;\n");
        StringAssert.Contains(definition.Markdown, "Lone \uFFFD surrogate", "UTF-8 holds an unpaired surrogate as U+FFFD, as the runbook file does");
        Assert.AreEqual(definition.Markdown, type.GetProperty("Markdown")!.GetValue(null));
    }

    [TestMethod]
    public void Quotes_in_a_runbook_get_a_raw_literal_with_more_quotes()
    {
        var result = GeneratorHarness.Run("""
            using ChecklistDsl;
            [Checklist("Five \"\"\"\"\" quotes")]
            public partial class Quoted { [Step] void A() { } }
            """);

        Assert.AreEqual(0, GeneratorHarness.Errors(result.Output).Count, string.Join("\n", GeneratorHarness.Errors(result.Output)));
        StringAssert.Contains(result.Source("Quoted.g.cs"), "runbook: \"\"\"\"\"\"\n");
        var definition = ChecklistCatalog.FromAssembly(GeneratorHarness.Load(result.Output)).Single();
        StringAssert.StartsWith(definition.Markdown, "# Five \"\"\"\"\" quotes\n");
    }
}
