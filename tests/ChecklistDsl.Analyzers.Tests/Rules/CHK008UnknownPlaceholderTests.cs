using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK008UnknownPlaceholderTests
{
    [TestMethod]
    public async Task Unknown_placeholder_in_a_step_or_rollback_command_is_reported_on_the_placeholder()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Input("Site URL")] public string SiteUrl { get; init; } = "";
                public string Plugin { get; init; } = "";

                [Step("Apply updates"), Modifies("plugins"), RollbackWith(nameof(Restore))]
                [Command("wp plugin update {|#0:{Plugin}|} --url={SiteUrl}")]
                void ApplyUpdates() { }

                [Step, Verifies("site")] void Monitor() { }

                [Rollback, Command("tar -xzf {|#1:{Archive}|}")] void Restore() { }
            }
            """,
            Verify.Diagnostic("CHK008", 0).WithMessage("Step 'Apply updates' uses '{Plugin}' in a [Command] but the checklist has no [Input] or [Secret] property named 'Plugin'; add [Input(\"...\")] public string Plugin { get; init; }, or write '{{' for a literal brace"),
            Verify.Diagnostic("CHK008", 1).WithMessage("Rollback 'Restore' uses '{Archive}' in a [Command] but the checklist has no [Input] or [Secret] property named 'Archive'; add [Input(\"...\")] public string Archive { get; init; }, or write '{{' for a literal brace"));
    }

    [TestMethod]
    public async Task Inputs_secrets_literal_braces_and_non_identifiers_are_safe()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Input] public string SiteUrl { get; init; } = "";
                [Secret("API token")] public string ApiToken { get; init; } = "";

                [Step, Command("curl -H \"Authorization: Bearer {ApiToken}\" {SiteUrl}")]
                [Command("echo {{SiteUrl}} && awk '{print $1}' log && echo ${HOME}")]
                void Call() { }
            }
            """.Replace("${HOME}", "$HOME"));
    }

    [TestMethod]
    public async Task Doubled_braces_around_a_name_are_the_literal_name_not_a_placeholder()
    {
        // {{Upstream}} is the text {Upstream}, as in the runbook and at run time; inside {{{Upstream}}} it is one.
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Proxy
            {
                [Step, Command("printf '{{Upstream}}' && echo {{{|CHK008:{Upstream}|}}}")] void Route() { }
            }
            """);
    }

    [TestMethod]
    public async Task A_placeholder_may_name_any_CSharp_identifier()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Sizes
            {
                [Input] public string Größe { get; init; } = "";
                [Step, Command("resize {Größe} {|CHK008:{Breite}|}")] void Resize() { }
            }
            """);
    }

    [TestMethod]
    public async Task AssumeSafe_accepts_it_on_that_step()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, Command("echo {Name}"), AssumeSafe("CHK008", "The runner's environment provides Name")] void Greet() { }
            }
            """);
    }
}
