using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK006NoVerificationAfterChangesTests
{
    [TestMethod]
    public async Task No_verification_after_the_last_change_is_reported_on_that_step()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, Verifies("site")] void CheckBefore() { }
                [Step, Modifies("plugins")] void ApplyUpdates() { }
                [Step("Clear cache"), Modifies("cache", "CDN")] void {|#0:ClearCache|}() { }
                [Step] void Announce() { }
            }
            """,
            Verify.Diagnostic("CHK006", 0).WithMessage("Step 'Clear cache' is the last change ('cache', 'CDN') but no step after it verifies anything; add a [Verifies(\"cache\", \"CDN\")] step after it"));
    }

    [TestMethod]
    public async Task Verification_after_the_last_change_or_no_change_at_all_is_safe()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, Modifies("plugins")] void ApplyUpdates() { }
                [Step, Verifies("site")] void Monitor() { }
            }

            [Checklist]
            public partial class Review
            {
                [Step, Modifies()] void NothingReally() { }
                [Step] void Read() { }
            }
            """);
    }

    [TestMethod]
    public async Task AssumeSafe_on_the_last_change_accepts_it()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, Modifies("plugins"), AssumeSafe("CHK006", "The next checklist in the release verifies it")] void ApplyUpdates() { }
            }
            """);
    }
}
