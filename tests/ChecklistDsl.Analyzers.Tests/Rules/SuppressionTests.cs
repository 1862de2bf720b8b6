using ChecklistDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ChecklistDsl.Analyzers.Tests.Rules;

/// <summary>#pragma and .editorconfig work on CHK rules as on any analyzer.</summary>
[TestClass]
public sealed class SuppressionTests
{
    private const string Unsafe = """
        [Checklist]
        public partial class Sync
        {
            [Step, {|#0:Destroys("db")|}] void Drop() { }
            [Step, Verifies("db")] void Check() { }
        }
        """;

    [TestMethod]
    public async Task Pragma_warning_disable_suppresses_an_error_rule()
    {
        // Its own #pragma pair: the library's check that a file-wide #pragma silences everything does not apply.
        await new ChecklistAnalyzerTest
        {
            TestCode = Verify.Usings + """
                [Checklist]
                public partial class Sync
                {
                #pragma warning disable CHK001 // the database is rebuilt from fixtures
                    [Step, Destroys("db")] void Drop() { }
                #pragma warning restore CHK001
                    [Step, {|CHK001:Destroys("cache")|}] void ClearCache() { }
                    [Step, Verifies("db")] void Check() { }
                }
                """,
            TestBehaviors = TestBehaviors.SkipSuppressionCheck,
        }.RunAsync();
    }

    [TestMethod]
    public async Task Editorconfig_severity_none_turns_a_rule_off()
    {
        await Verify.AnalyzerAsync(Unsafe.Replace("{|#0:", "").Replace("|}", ""), """
            root = true
            [*.cs]
            dotnet_diagnostic.CHK001.severity = none
            """);
    }

    [TestMethod]
    public async Task Editorconfig_severity_warning_downgrades_a_rule()
    {
        await Verify.AnalyzerAsync(Unsafe, """
            root = true
            [*.cs]
            dotnet_diagnostic.CHK001.severity = warning
            """,
            Verify.Diagnostic("CHK001", 0).WithSeverity(DiagnosticSeverity.Warning));
    }

    [TestMethod]
    public async Task Editorconfig_for_another_folder_does_not_apply()
    {
        await Verify.AnalyzerAsync(Unsafe, """
            root = true
            [other/*.cs]
            dotnet_diagnostic.CHK001.severity = none
            """,
            Verify.Diagnostic("CHK001", 0).WithSeverity(DiagnosticSeverity.Error));
    }
}
