using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK010InvalidAssumeSafeTests
{
    [TestMethod]
    public async Task Unknown_id_blank_reason_and_nothing_to_accept_are_reported_on_the_AssumeSafe()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Sync
            {
                [Step, {|#0:AssumeSafe("CHK999", "typo")|}] void Prepare() { }
                [Step, {|CHK001:Destroys("db")|}, {|#2:AssumeSafe("CHK001", " ")|}] void Drop() { }
                [Step, Verifies("db"), {|#3:AssumeSafe("CHK006", "Nothing to accept here")|}] void Check() { }
            }
            """,
            Verify.Diagnostic("CHK010", 0).WithMessage("[AssumeSafe(\"CHK999\")] on 'Prepare' names no rule; use an id from CHK001 to CHK011"),
            Verify.Diagnostic("CHK010", 2).WithMessage("[AssumeSafe(\"CHK001\")] on 'Drop' gives no reason; say why the risk is acceptable, or remove it"),
            Verify.Diagnostic("CHK010", 3).WithMessage("[AssumeSafe(\"CHK006\")] on 'Check' accepts nothing: CHK006 does not fire there; remove it"));
    }

    [TestMethod]
    public async Task AssumeSafe_that_accepts_a_real_finding_is_safe()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Sync
            {
                [Step, Destroys("db"), AssumeSafe(" chk001 ", "The database is rebuilt from fixtures")] void Drop() { }
                [Step, Verifies("db")] void Check() { }
            }
            """);
    }

    [TestMethod]
    public async Task CHK010_cannot_be_accepted_by_AssumeSafe_but_pragma_suppresses_it()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Sync
            {
                [Step, {|CHK010:AssumeSafe("CHK010", "Please")|}] void Prepare() { }
            #pragma warning disable CHK010 // kept while the template is being written
                [Step, AssumeSafe("CHK004", "Template")] void Other() { }
            #pragma warning restore CHK010
            }
            """);
    }
}
