using BenchmarkDotNet.Attributes;
using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Workload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Benchmarks;

/// <summary>
/// The generator's full run, as a command-line build does it: a new driver over a compilation
/// whose symbols are not bound yet (the clone drops the bound state; the parsed trees are shared,
/// since parsing is the compiler's cost, not the generator's), with the parser's spec cache empty
/// (a build's fresh trees never hit it).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;

    [Params(10, 100, 1000)]
    public int Checklists { get; set; }

    [GlobalSetup]
    public void Setup() => _compilation = Sizes.Source(Checklists);

    [Benchmark]
    public GeneratorDriver FullRun()
    {
        ParsedChecklistCache.Clear();
        return InMemoryCompilation.CreateDriver().RunGenerators(_compilation.Clone());
    }
}
