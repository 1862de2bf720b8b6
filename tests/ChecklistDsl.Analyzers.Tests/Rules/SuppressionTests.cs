using ChecklistDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Analyzers.Tests.Rules;

/// <summary>#pragma and .editorconfig work on CHK rules as on any analyzer.</summary>
[TestClass]
public sealed class SuppressionTests
{
    private const string Unsafe = """
        [Checklist]
        public partial class Sync
        {
            [Step, {|CHK001:Destroys("db")|}] void Drop() { }
            [Step, Verifies("db")] void Check() { }
        }
        """;

    [TestMethod]
    public async Task Pragma_warning_disable_suppresses_an_error_rule()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Sync
            {
            #pragma warning disable CHK001 // the database is rebuilt from fixtures
                [Step, Destroys("db")] void Drop() { }
            #pragma warning restore CHK001
                [Step, {|CHK001:Destroys("cache")|}] void ClearCache() { }
                [Step, Verifies("db")] void Check() { }
            }
            """);
    }

    [TestMethod]
    public async Task Editorconfig_severity_none_turns_a_rule_off()
    {
        await Verify.AnalyzerAsync(Unsafe.Replace("{|CHK001:", "").Replace("|}", ""), """
            root = true
            [*.cs]
            dotnet_diagnostic.CHK001.severity = none
            """);
    }

    [TestMethod]
    public async Task Editorconfig_severity_warning_downgrades_a_rule()
    {
        var diagnostics = await Verify.AnalyzerAsync(Unsafe, """
            root = true
            [*.cs]
            dotnet_diagnostic.CHK001.severity = warning
            """);
        Assert.AreEqual(DiagnosticSeverity.Warning, diagnostics[0].Severity);
    }

    [TestMethod]
    public async Task Editorconfig_for_another_folder_does_not_apply()
    {
        var diagnostics = await Verify.AnalyzerAsync(Unsafe, """
            root = true
            [other/*.cs]
            dotnet_diagnostic.CHK001.severity = none
            """);
        Assert.AreEqual(DiagnosticSeverity.Error, diagnostics[0].Severity);
    }
}
