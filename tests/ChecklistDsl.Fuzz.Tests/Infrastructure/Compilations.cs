using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Fuzz.Tests.Infrastructure;

/// <summary>What a checklists project compiles against, and how its sources are parsed.</summary>
internal static class Compilations
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions Options =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    public static ImmutableArray<MetadataReference> References => CompilationReferences.Checklists;

    public static CSharpCompilation Create(string assemblyName, IEnumerable<(string Path, string Text)> sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References,
            Options);
}
