using ChecklistDsl.Analyzers.Tests.Infrastructure;
using ChecklistDsl.CodeFixes;

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
            void ApplyUpdates() { }

            [Step]
            [Destroys("CDN cache")]
            void PurgeCdn() { }

            [Step, Verifies("site")]
            void Monitor() { }
        }
        """;

    [TestMethod]
    public async Task Adds_RollbackWith_and_a_rollback_stub_never_NoRollback()
    {
        var after = await CodeFixRunner.VerifyAsync<AddRollbackCodeFix>(Source, """
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
                [Destroys("CDN cache")]
                void PurgeCdn() { }

                [Step, Verifies("site")]
                void Monitor() { }

                [Rollback("Undo apply updates")]
                void UndoApplyUpdates() { }
            }
            """);
        Assert.AreEqual(1, after.Count(d => d.Id == "CHK002"), "The other step still needs its own rollback");
    }

    [TestMethod]
    public async Task Fix_all_adds_a_rollback_for_every_step()
    {
        await CodeFixRunner.VerifyAsync<AddRollbackCodeFix>(Source, """
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
                [Destroys("CDN cache"), RollbackWith(nameof(UndoPurgeCdn))]
                void PurgeCdn() { }

                [Step, Verifies("site")]
                void Monitor() { }

                [Rollback("Undo apply updates")]
                void UndoApplyUpdates() { }

                [Rollback("Undo purge cdn")]
                void UndoPurgeCdn() { }
            }
            """, fixAll: true);
    }
}
