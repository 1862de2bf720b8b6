using BenchmarkDotNet.Attributes;
using ChecklistDsl.Workload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Benchmarks;

/// <summary>
/// What Roslyn's <c>ForAttributeWithMetadataName</c> costs by itself on each compilation change: a
/// generator with the same attribute and a transform that only returns the class name (nothing to
/// parse, nothing emitted). Roslyn re-matches every attributed class on every change (its declared
/// symbol, and its attributes bound), so this is the floor under any incremental run of ours; compare
/// with <see cref="IncrementalBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class AttributeMatchingFloorBenchmarks
{
    private CSharpCompilation _original = null!;
    private CSharpCompilation _unrelatedEdited = null!;
    private GeneratorDriver _driver = null!;
    private int _revision;

    [Params(100, 1000)]
    public int Checklists { get; set; }

    [GlobalSetup]
    public void Setup() => _original = Sizes.Source(Checklists);

    [IterationSetup]
    public void PrepareDriver()
    {
        _revision++;
        _unrelatedEdited = InMemoryCompilation.Replace(_original, SyntheticChecklists.UnrelatedPath, SyntheticChecklists.Unrelated(_revision));
        _driver = CSharpGeneratorDriver.Create([new MatchOnly().AsSourceGenerator()], parseOptions: InMemoryCompilation.ParseOptions)
            .RunGenerators(_original.Clone());
    }

    [Benchmark]
    public GeneratorDriver MatchingAfterUnrelatedEdit() => _driver.RunGenerators(_unrelatedEdited);

    /// <summary>The same matching as the ChecklistDsl generator, and nothing else.</summary>
    private sealed class MatchOnly : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var names = context.SyntaxProvider.ForAttributeWithMetadataName(
                "ChecklistDsl.ChecklistAttribute",
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                transform: static (context, _) => context.TargetSymbol.Name);
            context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
        }
    }
}
