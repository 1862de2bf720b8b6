using System.Collections.Immutable;
using ChecklistDsl.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChecklistDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// A compilation and its CHK diagnostics, for the tests that ask what is reported rather than pin it
/// exactly (the documentation's examples, broken source, the generator's skip reasons); the rest use
/// <see cref="ChecklistAnalyzerTest"/>.
/// </summary>
internal static class TestCompilation
{
    public static CSharpCompilation Create(string source) =>
        CSharpCompilation.Create(
            "TestChecklists",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "/checklists/Checklist.cs")],
            CompilationReferences.Checklists,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The analyzer diagnostics in source order; fails the test if the analyzer threw.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            [new ChecklistAnalyzer()],
            new CompilationWithAnalyzersOptions(
                options: new AnalyzerOptions([]),
                onAnalyzerException: (exception, _, _) => { lock (exceptions) exceptions.Add(exception); },
                concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.IsEmpty(exceptions, "The analyzer threw:\n" + string.Join("\n", exceptions));
        return [.. diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <summary>Compiler errors (the test sources must be valid C#).</summary>
    public static IReadOnlyList<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
}
