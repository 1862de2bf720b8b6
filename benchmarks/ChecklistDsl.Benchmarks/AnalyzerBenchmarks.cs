using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ChecklistDsl.Workload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChecklistDsl.Benchmarks;

/// <summary>
/// Every analyzer of the generator assembly over the compilation the compiler analyzes (sources
/// plus generated code), unbound as in a build. The workload is safe: no diagnostics expected.
/// Analyzers ride on the compiler's events, so running them compiles the whole compilation: the
/// baseline is that compilation's own diagnostics pass, and the difference is the analyzers' cost.
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

    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> CompilerDiagnosticsOnly() => _compilation.Clone().GetDiagnostics();

    [Benchmark]
    public ImmutableArray<Diagnostic> AllAnalyzers() =>
        _compilation.Clone().WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}
