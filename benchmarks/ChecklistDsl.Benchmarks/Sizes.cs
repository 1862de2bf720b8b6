using System.Collections.Concurrent;
using ChecklistDsl.Workload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Benchmarks;

/// <summary>The synthetic compilations the benchmarks share, built once per size (20 steps per checklist).</summary>
public static class Sizes
{
    public const int Steps = SyntheticChecklists.DefaultSteps;

    private static readonly ConcurrentDictionary<int, CSharpCompilation> Sources = new();
    private static readonly ConcurrentDictionary<int, Compilation> Generated = new();

    /// <summary>The checklists' sources only, parsed, not yet bound.</summary>
    public static CSharpCompilation Source(int checklists) =>
        Sources.GetOrAdd(checklists, n => InMemoryCompilation.Create(SyntheticChecklists.Generate(n, Steps)));

    /// <summary>The sources plus what the generator adds: the compilation the compiler analyzes and emits.</summary>
    public static Compilation WithGeneratedCode(int checklists) =>
        Generated.GetOrAdd(checklists, n =>
        {
            InMemoryCompilation.CreateDriver().RunGeneratorsAndUpdateCompilation(Source(n), out var output, out _);
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
            if (errors.Count > 0 || output.SyntaxTrees.Count() != Source(n).SyntaxTrees.Count() + n + 1)
                throw new InvalidOperationException("The synthetic workload did not generate cleanly: " + string.Join("; ", errors));
            return output;
        });
}
