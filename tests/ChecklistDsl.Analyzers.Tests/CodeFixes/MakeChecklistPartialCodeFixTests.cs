using ChecklistDsl.Analyzers.Tests.Infrastructure;
using ChecklistDsl.CodeFixes;

namespace ChecklistDsl.Analyzers.Tests.CodeFixes;

[TestClass]
public sealed class MakeChecklistPartialCodeFixTests
{
    [TestMethod]
    public async Task Adds_partial_after_the_other_modifiers()
    {
        await CodeFixRunner.VerifyAsync<MakeChecklistPartialCodeFix>("""
            using ChecklistDsl;

            [Checklist]
            public sealed class Deploy
            {
                [Step] void Prepare() { }
            }
            """, """
            using ChecklistDsl;

            [Checklist]
            public sealed partial class Deploy
            {
                [Step] void Prepare() { }
            }
            """);
    }

    [TestMethod]
    public async Task Fix_all_makes_every_checklist_partial_including_one_without_modifiers()
    {
        await CodeFixRunner.VerifyAsync<MakeChecklistPartialCodeFix>("""
            using ChecklistDsl;

            [Checklist]
            class A
            {
                [Step] void Prepare() { }
            }

            [Checklist] public class B
            {
                [Step] void Prepare() { }
            }
            """, """
            using ChecklistDsl;

            [Checklist]
            partial class A
            {
                [Step] void Prepare() { }
            }

            [Checklist] public partial class B
            {
                [Step] void Prepare() { }
            }
            """, fixAll: true);
    }

    [TestMethod]
    public async Task No_fix_is_offered_for_the_other_CHK011_kinds()
    {
        var offers = await CodeFixRunner.OffersAsync<MakeChecklistPartialCodeFix>("""
            using ChecklistDsl;

            [Checklist]
            public partial class NoSteps { }

            [Checklist]
            public partial class Repeats
            {
                [Step("A")] void A1() { }
                [Step("A")] void A2() { }
            }
            """);
        Assert.HasCount(2, offers);
        Assert.IsTrue(offers.All(o => o.Actions == 0), "A fix would have to invent steps or titles");
    }
}
