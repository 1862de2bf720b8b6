using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Analyzers.Tests.Infrastructure;

/// <summary>Asserts that the analyzers report exactly the marked diagnostics.</summary>
internal static class Verify
{
    public const string Usings = "using ChecklistDsl;\n";

    /// <summary>
    /// Compiles <paramref name="markup"/> (prefixed with <c>using ChecklistDsl;</c>), checks it is valid
    /// C#, and asserts the analyzer diagnostics are exactly the <c>{|ID:...|}</c> markers, id and span.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzerAsync(string markup, string? editorConfig = null)
    {
        var (source, expected) = Markup.Parse(Usings + markup);
        var compilation = TestCompilation.Create(source, editorConfig);
        var errors = TestCompilation.Errors(compilation);
        Assert.IsEmpty(errors, "The test source does not compile:\n" + string.Join("\n", errors));
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var actual = diagnostics.Select(d => new ExpectedDiagnostic(d.Id, d.Location.SourceSpan)).ToList();
        CollectionAssert.AreEqual(
            expected.ToList(), actual,
            "Expected: " + string.Join(", ", expected) + "\nActual:\n" + string.Join("\n", diagnostics.Select(d => $"{d} [{source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}]")));
        return diagnostics;
    }
}
