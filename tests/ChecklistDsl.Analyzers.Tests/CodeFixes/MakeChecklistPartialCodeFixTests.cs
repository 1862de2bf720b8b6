using ChecklistDsl.Analyzers.Tests.Infrastructure;
using ChecklistDsl.CodeFixes;

namespace ChecklistDsl.Analyzers.Tests.CodeFixes;

[TestClass]
public sealed class MakeChecklistPartialCodeFixTests
{
    [TestMethod]
    public async Task Adds_partial_after_the_other_modifiers()
    {
        await new ChecklistCodeFixTest<MakeChecklistPartialCodeFix>
        {
            TestCode = """
                using ChecklistDsl;

                [Checklist]
                public sealed class {|CHK011:Deploy|}
                {
                    [Step] void Prepare() { }
                }
                """,
            FixedCode = """
                using ChecklistDsl;

                [Checklist]
                public sealed partial class Deploy
                {
                    [Step] void Prepare() { }
                }
                """,
        }.RunAsync();
    }

    [TestMethod]
    public async Task Fix_all_makes_every_checklist_partial_including_one_without_modifiers()
    {
        await new ChecklistCodeFixTest<MakeChecklistPartialCodeFix>
        {
            TestCode = """
                using ChecklistDsl;

                [Checklist]
                class {|CHK011:A|}
                {
                    [Step] void Prepare() { }
                }

                [Checklist] public class {|CHK011:B|}
                {
                    [Step] void Prepare() { }
                }
                """,
            FixedCode = """
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
                """,
        }.RunAsync();
    }

    [TestMethod]
    public async Task No_fix_is_offered_for_the_other_CHK011_kinds()
    {
        // The fixed code is the test code: a fix would have to invent steps or titles.
        const string source = """
            using ChecklistDsl;

            [Checklist]
            public partial class {|CHK011:NoSteps|} { }

            [Checklist]
            public partial class Repeats
            {
                [Step("A")] void A1() { }
                [{|CHK011:Step("A")|}] void A2() { }
            }
            """;
        await new ChecklistCodeFixTest<MakeChecklistPartialCodeFix> { TestCode = source, FixedCode = source }.RunAsync();
    }
}
