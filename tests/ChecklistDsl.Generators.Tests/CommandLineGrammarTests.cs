using ChecklistDsl.Generators.Tests.Infrastructure;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// The runbook reads a [Command] line by the grammar CHK008 and the runner use (src/Shared/CommandTemplate.cs):
/// <c>{{</c> and <c>}}</c> are literal braces, so <c>{{Name}}</c> is shown as the text <c>{Name}</c>.
/// </summary>
[TestClass]
public sealed class CommandLineGrammarTests
{
    [TestMethod]
    public void The_runbook_shows_doubled_braces_as_the_literal_braces_the_shell_gets()
    {
        var result = GeneratorHarness.Run("""
            using ChecklistDsl;
            [Checklist] public partial class Proxy
            {
                [Input("Upstream")] public string Upstream { get; init; } = "";
                [Step, Command("printf '{{Upstream}} -> {Upstream}' && awk '{print $1}' {{{Upstream}}}")]
                [WaitUntil("test {{x}} = {{x}}")]
                void Route() { }
            }
            """);

        Assert.AreEqual(0, GeneratorHarness.Errors(result.Output).Count, string.Join("\n", GeneratorHarness.Errors(result.Output)));
        var definition = ChecklistCatalog.FromAssembly(GeneratorHarness.Load(result.Output)).Single();
        Assert.AreEqual("printf '{{Upstream}} -> {Upstream}' && awk '{print $1}' {{{Upstream}}}", definition.Steps[0].Commands[0], "the plan keeps the template as written");
        StringAssert.Contains(definition.Markdown, "```sh\nprintf '{Upstream} -> {Upstream}' && awk '{print $1}' {{Upstream}}\n```");
        StringAssert.Contains(definition.Markdown, "```sh\ntest {x} = {x}\n```");
        Assert.IsFalse(definition.Markdown.Contains("{{x}}", StringComparison.Ordinal), definition.Markdown);
    }
}
