using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK007VerifyStepChangesTests
{
    [TestMethod]
    public async Task Verifies_step_that_also_changes_is_reported_on_the_Verifies_attribute()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step("Check and fix"), {|#0:Verifies("site")|}, Modifies("cache")] void CheckAndFix() { }
                [Step, Verifies("site")] void Monitor() { }
            }
            """,
            Verify.Diagnostic("CHK007", 0).WithMessage("Step 'Check and fix' verifies 'site' but also modifies 'cache'; a verification must be read-only, so move the change into its own step"));
    }

    [TestMethod]
    public async Task Read_only_verification_is_safe()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, Modifies("cache")] void Fix() { }
                [Step, Verifies("site"), Modifies()] void Monitor() { }
            }
            """);
    }

    [TestMethod]
    public async Task AssumeSafe_accepts_it()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, Verifies("site"), Destroys("session cache"), AssumeSafe("CHK007", "Loading the page warms the cache; nothing else changes"), AssumeSafe("CHK001", "Sessions are disposable")] void CheckAndWarm() { }
                [Step, Verifies("site")] void Monitor() { }
            }
            """);
    }
}
