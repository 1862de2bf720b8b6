using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK003RollbackWithNotARollbackTests
{
    [TestMethod]
    public async Task RollbackWith_naming_nothing_or_a_non_rollback_is_reported_on_the_attribute()
    {
        var diagnostics = await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, Modifies("plugins"), {|CHK003:RollbackWith("RestorePlugin")|}] void ApplyUpdates() { }
                [Step, Modifies("theme"), {|CHK003:RollbackWith(nameof(Monitor))|}] void UpdateTheme() { }
                [Step, Modifies("cache"), {|CHK003:RollbackWith(" ")|}] void ClearCache() { }
                [Step, Verifies("site")] void Monitor() { }
                [Rollback] void RestorePlugins() { }
            }
            """);
        Assert.AreEqual(
            "Step 'Apply updates' rolls back with 'RestorePlugin', which is not a method of this class; name a method of this class marked [Rollback]",
            diagnostics[0].GetMessage());
        StringAssert.Contains(diagnostics[1].GetMessage(), "'Monitor', which is not marked [Rollback]");
        StringAssert.Contains(diagnostics[2].GetMessage(), "which names no method");
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
