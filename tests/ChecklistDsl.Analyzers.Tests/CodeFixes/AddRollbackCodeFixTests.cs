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

    [TestMethod]
    public async Task Adds_RollbackWith_and_a_rollback_stub_never_NoRollback()
    {
        // One fix: the other step still needs its own rollback (its CHK002 remains, as does the CHK001).
        await new ChecklistCodeFixTest<AddRollbackCodeFix>
        {
            TestCode = Source,
            FixedCode = """
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
                """,
            // The fixed state's markup names the CHK002 that is left (by default the library ignores fixable ids there).
            FixedState = { MarkupHandling = MarkupMode.Allow },
            NumberOfIncrementalIterations = 1,
            CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne | CodeFixTestBehaviors.SkipFixAllCheck,
        }.RunAsync();
    }

    [TestMethod]
    public async Task Fix_all_adds_a_rollback_for_every_step()
    {
        await new ChecklistCodeFixTest<AddRollbackCodeFix>
        {
            TestCode = Source,
            FixedCode = """
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
                    [{|CHK001:Destroys("CDN cache")|}, RollbackWith(nameof(UndoPurgeCdn))]
                    void PurgeCdn() { }

                    [Step, Verifies("site")]
                    void Monitor() { }

                    [Rollback("Undo apply updates")]
                    void UndoApplyUpdates() { }

                    [Rollback("Undo purge cdn")]
                    void UndoPurgeCdn() { }
                }
                """,
        }.RunAsync();
    }
}
