using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK003RollbackWithNotARollbackTests
{
    [TestMethod]
    public async Task RollbackWith_naming_nothing_or_a_non_rollback_is_reported_on_the_attribute()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, Modifies("plugins"), {|#0:RollbackWith("RestorePlugin")|}] void ApplyUpdates() { }
                [Step, Modifies("theme"), {|#1:RollbackWith(nameof(Monitor))|}] void UpdateTheme() { }
                [Step, Modifies("cache"), {|#2:RollbackWith(" ")|}] void ClearCache() { }
                [Step, Verifies("site")] void Monitor() { }
                [Rollback] void RestorePlugins() { }
            }
            """,
            Verify.Diagnostic("CHK003", 0).WithMessage("Step 'Apply updates' rolls back with 'RestorePlugin', which is not a method of this class; name a method of this class marked [Rollback]"),
            Verify.Diagnostic("CHK003", 1).WithMessage("Step 'Update theme' rolls back with 'Monitor', which is not marked [Rollback]; name a method of this class marked [Rollback]"),
            Verify.Diagnostic("CHK003", 2).WithMessage("Step 'Clear cache' rolls back with '', which names no method; name a method of this class marked [Rollback]"));
    }

    [TestMethod]
    public async Task RollbackWith_naming_a_Rollback_method_is_safe()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, Modifies("plugins"), RollbackWith(nameof(RestorePlugins))] void ApplyUpdates() { }
                [Step, Verifies("site")] void Monitor() { }
                [Rollback("Restore plugin files")] void RestorePlugins() { }
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
                [Step, Modifies("plugins"), RollbackWith("Manual"), AssumeSafe("CHK003", "The rollback is the vendor's manual procedure")] void ApplyUpdates() { }
                [Step, Verifies("site")] void Monitor() { }
            }
            """);
    }
}
