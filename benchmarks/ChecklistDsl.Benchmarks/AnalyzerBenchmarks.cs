using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ChecklistDsl.Workload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChecklistDsl.Benchmarks;

/// <summary>
/// Every analyzer of the generator assembly over the compilation the compiler analyzes (sources
/// plus generated code), unbound as in a build. The workload is safe: no diagnostics expected.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private Compilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [Params(10, 100, 1000)]
    public int Checklists { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = Sizes.WithGeneratedCode(Checklists);
        _analyzers = InMemoryCompilation.Analyzers();
        if (_analyzers.IsEmpty)
            throw new InvalidOperationException("The generator assembly has no analyzers.");
    }

    [Benchmark]
    public ImmutableArray<Diagnostic> AllAnalyzers() =>
        _compilation.Clone().WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}
