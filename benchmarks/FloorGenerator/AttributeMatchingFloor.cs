using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.FloorGenerator;

/// <summary>
/// The floor under the ChecklistDsl generator: the same <c>ForAttributeWithMetadataName</c> matching
/// on <c>[Checklist]</c> with a trivial transform (the class name), and nothing else. Roslyn re-matches
/// every attributed class on every compilation change (its declared symbol, its attributes bound),
/// whatever a generator does with them. The benchmarks run it in process; scripts/measure-build.sh
/// --floor has the compiler load it in place of ours (the same code, one assembly).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AttributeMatchingFloor : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            ChecklistDsl.Generators.Dsl.KnownNames.Checklist,
            predicate: static (node, _) => node is ClassDeclarationSyntax,
            transform: static (context, _) => context.TargetSymbol.Name);
        context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
    }
}
