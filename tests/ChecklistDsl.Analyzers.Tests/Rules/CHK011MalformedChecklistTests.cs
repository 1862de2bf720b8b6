using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK011MalformedChecklistTests
{
    [TestMethod]
    public async Task Class_not_partial_and_without_steps_is_reported_on_the_class_name()
    {
        await Verify.AnalyzerAsync("""
            [Checklist("Deploy")]
            public class {|#0:{|#1:Deploy|}|}
            {
            }
            """,
            Verify.Diagnostic("CHK011", 0).WithMessage("Checklist 'Deploy' is not partial; add the partial modifier so the generator can extend it"),
            Verify.Diagnostic("CHK011", 1).WithMessage("Checklist 'Deploy' has no steps; add a method marked [Step]"));
    }

    [TestMethod]
    public async Task Repeated_step_title_is_reported_on_the_later_Step_attribute_humanized_names_included()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step] void ApplyUpdates() { }
                [{|#0:Step("apply updates")|}] void ApplyAgain() { }
            }
            """,
            Verify.Diagnostic("CHK011", 0).WithMessage("Checklist 'Deploy' repeats the step title 'apply updates' of ApplyUpdates; give step ApplyAgain its own title"));
    }

    [TestMethod]
    public async Task Partial_class_with_distinct_steps_is_safe_and_other_classes_are_ignored()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step] void Prepare() { }
                [Step("Prepare again")] void PrepareAgain() { }
            }

            public class NotAChecklist { }
            """);
    }

    [TestMethod]
    public async Task AssumeSafe_accepts_a_repeated_title_on_that_step()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step("Check site")] void CheckBefore() { }
                [Step("Check site"), AssumeSafe("CHK011", "The same check, before and after")] void CheckAfter() { }
            }
            """);
    }
}
