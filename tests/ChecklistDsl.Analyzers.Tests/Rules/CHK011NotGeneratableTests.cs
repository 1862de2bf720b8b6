using ChecklistDsl.Analyzers.Tests.Infrastructure;
using ChecklistDsl.Generators.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Analyzers.Tests.Rules;

/// <summary>
/// Every class the generator skips is explained by CHK011, at the place to fix; and the generator's own
/// output, analyzed with the user's code, never trips the rule.
/// </summary>
[TestClass]
public sealed class CHK011NotGeneratableTests
{
    [TestMethod]
    public async Task A_Timeout_that_is_not_a_time_span_is_reported_on_the_Step_attribute()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [{|#0:Step("Monitor", Timeout = "an hour")|}, Verifies("site")] void Monitor() { }
            }
            """,
            Verify.Diagnostic("CHK011", 0).WithMessage("Checklist 'Deploy' gives step 'Monitor' the Timeout \"an hour\", which is not a positive time span; write it as [d.]hh:mm:ss, for example Timeout = \"01:00:00\" for one hour"));
    }

    [TestMethod]
    public async Task A_step_named_like_a_reserved_state_or_overloaded_is_reported_on_the_method()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step("First")] void {|#0:Completed|}() { }
                [Step("Second")] void Check() { }
                [Step("Third")] void {|#1:Check|}(int attempt) { }
            }
            """,
            Verify.Diagnostic("CHK011", 0).WithMessage("Checklist 'Deploy' has a step or rollback named 'Completed', a state the machine reserves; rename the method"),
            Verify.Diagnostic("CHK011", 1).WithMessage("Checklist 'Deploy' has more than one step or rollback named 'Check'; give each step and rollback method its own name"));
    }

    [TestMethod]
    public async Task A_member_named_like_a_generated_one_is_reported_on_that_member()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                public const string {|#0:Markdown|} = "mine";
                [Step] void Prepare() { }
            }
            """,
            Verify.Diagnostic("CHK011", 0).WithMessage("Checklist 'Deploy' declares a member named 'Markdown', which the generator adds; rename that member"));
    }

    [TestMethod]
    public async Task A_generic_checklist_or_one_nested_in_a_type_that_is_not_partial_is_reported_on_its_name()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class {|CHK011:Deploy|}<T>
            {
                [Step] void Prepare() { }
            }

            public class Outer
            {
                [Checklist]
                public partial class {|CHK011:Inner|}
                {
                    [Step] void Prepare() { }
                }
            }
            """);
    }

    [TestMethod]
    public async Task The_generated_members_do_not_count_as_the_authors()
    {
        var compilation = TestCompilation.Create("""
            using ChecklistDsl;

            [Checklist]
            public partial class Deploy
            {
                [Step, Verifies("site")] void Prepare() { }
            }
            """);
        CSharpGeneratorDriver.Create(new ChecklistGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
        Assert.IsTrue(withGenerated.SyntaxTrees.Count() > compilation.SyntaxTrees.Count(), "the generator produced nothing");

        var diagnostics = await TestCompilation.AnalyzeAsync(withGenerated);

        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
    }
}
