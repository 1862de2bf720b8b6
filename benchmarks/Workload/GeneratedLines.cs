using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChecklistDsl.Workload;

/// <summary>How much code the generator writes for the synthetic project, and whether that project is clean.</summary>
public sealed record GeneratedLines(int Checklists, int Steps, int Files, int Lines, int CatalogLines, int MarkdownLines, int CompileErrors, int AnalyzerDiagnostics)
{
    /// <summary>Generated lines (as <c>wc -l</c> counts them) per declared step.</summary>
    public double LinesPerStep => (double)Lines / Steps;

    /// <summary>Runs the generator and the analyzers in-process over <c>checklists x steps</c>.</summary>
    public static GeneratedLines Measure(int checklists, int steps)
    {
        var compilation = InMemoryCompilation.Create(SyntheticChecklists.Generate(checklists, steps));
        InMemoryCompilation.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _).GetRunResult();
        var generated = output.SyntaxTrees.Except(compilation.SyntaxTrees).ToList();
        int lines = 0, catalog = 0, markdown = 0;
        foreach (var tree in generated)
        {
            var text = tree.GetText().ToString();
            var count = text.Count(c => c == '\n');
            lines += count;
            if (tree.FilePath.EndsWith("AssemblyChecklists.g.cs", StringComparison.Ordinal))
                catalog += count;
            // The runbook is one constant on one line, however long the checklist.
            markdown += text.Split('\n').Count(l => l.TrimStart().StartsWith("public const string Markdown", StringComparison.Ordinal));
        }
        var errors = output.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        var analyzerDiagnostics = compilation.WithAnalyzers(InMemoryCompilation.Analyzers())
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
        return new GeneratedLines(checklists, SyntheticChecklists.StepCount(checklists, steps), generated.Count, lines, catalog, markdown, errors, analyzerDiagnostics);
    }
}
