using ChecklistDsl.Analyzers.Tests.Infrastructure;
using ChecklistDsl.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ChecklistDsl.Analyzers.Tests.CodeFixes;

[TestClass]
public sealed class AddRollbackCodeFixTests
{
    private const string Source = """
        using ChecklistDsl;

        [Checklist(Environment = "production")]
        public partial class Deploy
        {
            [Step, Approval("QA lead")]
            void Approve() { }

            [Step("Apply updates"), Modifies("plugins")]
            [Command("wp plugin update --all")]
            void {|CHK002:ApplyUpdates|}() { }

            [Step]
            [{|CHK001:Destroys("CDN cache")|}]
            void {|CHK002:PurgeCdn|}() { }

            [Step, Verifies("site")]
            void Monitor() { }
        }
        """;

    /// <summary>After one fix: the first step has its rollback; the other still needs one (its CHK002 remains, as does the CHK001).</summary>
    private const string AfterOneFix = """
        using ChecklistDsl;

        [Checklist(Environment = "production")]
        public partial class Deploy
        {
            [Step, Approval("QA lead")]
            void Approve() { }

            [Step("Apply updates"), Modifies("plugins"), RollbackWith(nameof(UndoApplyUpdates))]
            [Command("wp plugin update --all")]
            void ApplyUpdates() { }

            [Step]
            [{|CHK001:Destroys("CDN cache")|}]
            void {|CHK002:PurgeCdn|}() { }

            [Step, Verifies("site")]
            void Monitor() { }

            [Rollback("Undo apply updates")]
            void UndoApplyUpdates() { }
        }
        """;

    [TestMethod]
    public async Task Adds_RollbackWith_and_a_rollback_stub_never_NoRollback()
    {
        await new ChecklistCodeFixTest<AddRollbackCodeFix>
        {
            TestCode = Source,
            FixedCode = AfterOneFix,
            // The fixed state's markup names the CHK002 that is left (by default the library ignores fixable ids there).
            FixedState = { MarkupHandling = MarkupMode.Allow },
            NumberOfIncrementalIterations = 1,
            CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne | CodeFixTestBehaviors.SkipFixAllCheck,
        }.RunAsync();
    }

    [TestMethod]
    public async Task Fix_all_adds_a_rollback_for_every_step()
    {
        // The second step gets its RollbackWith and its rollback stub too.
        var afterFixAll = AfterOneFix
            .Replace("""
                [{|CHK001:Destroys("CDN cache")|}]
                    void {|CHK002:PurgeCdn|}() { }
                """, """
                [{|CHK001:Destroys("CDN cache")|}, RollbackWith(nameof(UndoPurgeCdn))]
                    void PurgeCdn() { }
                """, StringComparison.Ordinal)
            .Replace("""
                    void UndoApplyUpdates() { }
                }
                """, """
                    void UndoApplyUpdates() { }

                    [Rollback("Undo purge cdn")]
                    void UndoPurgeCdn() { }
                }
                """, StringComparison.Ordinal);
        await new ChecklistCodeFixTest<AddRollbackCodeFix> { TestCode = Source, FixedCode = afterFixAll }.RunAsync();
    }
}
