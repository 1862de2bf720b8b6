using ChecklistDsl.Generators.Analysis;
using Microsoft.CodeAnalysis.Testing;

namespace ChecklistDsl.Analyzers.Tests.Infrastructure;

/// <summary>Shorthands over <see cref="ChecklistAnalyzerTest"/> for the common case: one source file.</summary>
internal static class Verify
{
    public const string Usings = "using ChecklistDsl;\n";

    /// <summary>
    /// Compiles <paramref name="markup"/> (prefixed with <c>using ChecklistDsl;</c>) and asserts that the
    /// analyzer reports exactly the <c>{|CHKnnn:...|}</c> markers (id and span) and the
    /// <paramref name="expected"/> diagnostics (at <c>{|#n:...|}</c> markers, with message and severity).
    /// </summary>
    public static Task AnalyzerAsync(string markup, params DiagnosticResult[] expected) =>
        AnalyzerAsync(markup, editorConfig: null, expected);

    /// <summary>As above, with an .editorconfig at the root of the source's folder.</summary>
    public static Task AnalyzerAsync(string markup, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new ChecklistAnalyzerTest { TestCode = Usings + markup };
        if (editorConfig is not null)
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Rule <paramref name="id"/> at the markup location <c>{|#location:...|}</c>, with its default severity;
    /// add <c>.WithMessage(...)</c> to check the message too.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id, int location) =>
        new DiagnosticResult(id, new ChecklistAnalyzer().SupportedDiagnostics.First(d => d.Id == id).DefaultSeverity).WithLocation(location);
}
