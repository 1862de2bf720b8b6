using BenchmarkDotNet.Attributes;
using ChecklistDsl.FloorGenerator;
using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Workload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Benchmarks;

/// <summary>
/// The generator as an IDE runs it: a driver kept between runs. Each iteration starts from a
/// driver that has run once over the project; the measured call is the run over the edited
/// compilation. The full run over the same edited compilation, with the parser's spec cache empty
/// (what a new driver over fresh trees sees), is the baseline (Ratio column).
/// </summary>
/// <remarks>
/// <see cref="AttributeMatchingAfterUnrelatedEdit"/> is the floor under the incremental runs: a
/// generator that only does the ChecklistDsl generator's <c>ForAttributeWithMetadataName</c>
/// matching. Roslyn re-matches every attributed class on every compilation change (its declared
/// symbol, and its attributes bound), whatever the generator does with them.
/// </remarks>
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    private CSharpCompilation _original = null!;
    private CSharpCompilation _oneChecklistEdited = null!;
    private CSharpCompilation _unrelatedEdited = null!;
    private GeneratorDriver _driver = null!;
    private int _revision;

    [Params(100, 1000)]
    public int Checklists { get; set; }

    [GlobalSetup]
    public void Setup() => _original = Sizes.Source(Checklists);

    [IterationSetup(Targets = [nameof(FullRun), nameof(AfterOneChecklistEdit), nameof(AfterUnrelatedEdit)])]
    public void PrepareDriver()
    {
        NewEdits();
        _driver = InMemoryCompilation.CreateDriver().RunGenerators(_original.Clone());
    }

    [IterationSetup(Target = nameof(AttributeMatchingAfterUnrelatedEdit))]
    public void PrepareMatchingDriver()
    {
        NewEdits();
        _driver = InMemoryCompilation.CreateDriver(new AttributeMatchingFloor().AsSourceGenerator()).RunGenerators(_original.Clone());
    }

    // A new edit each time, so no run can be answered from the previous iteration's state.
    private void NewEdits()
    {
        _revision++;
        var edited = Checklists / 2;
        _oneChecklistEdited = InMemoryCompilation.Replace(_original, SyntheticChecklists.PathOf(edited), SyntheticChecklists.Checklist(edited, Sizes.Steps, _revision));
        _unrelatedEdited = InMemoryCompilation.Replace(_original, SyntheticChecklists.UnrelatedPath, SyntheticChecklists.Unrelated(_revision));
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRun()
    {
        ParsedChecklistCache.Clear();
        return InMemoryCompilation.CreateDriver().RunGenerators(_oneChecklistEdited);
    }

    [Benchmark]
    public GeneratorDriver AfterOneChecklistEdit() => _driver.RunGenerators(_oneChecklistEdited);

    [Benchmark]
    public GeneratorDriver AfterUnrelatedEdit() => _driver.RunGenerators(_unrelatedEdited);

    [Benchmark]
    public GeneratorDriver AttributeMatchingAfterUnrelatedEdit() => _driver.RunGenerators(_unrelatedEdited);
}
