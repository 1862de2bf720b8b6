using System.Collections.Immutable;
using ChecklistDsl.Generators.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChecklistDsl.Workload;

/// <summary>
/// The synthetic sources as an in-memory compilation, the generator driver and the analyzers over
/// it: what the benchmarks measure and <c>--report-lines</c> runs, without MSBuild or disk.
/// </summary>
public static class InMemoryCompilation
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>The framework's assemblies plus the ChecklistDsl runtime: what a checklists project compiles against.</summary>
    public static readonly ImmutableArray<MetadataReference> References = CreateReferences();

    public static CSharpCompilation Create(IEnumerable<(string Path, string Text)> sources, string assemblyName = "Checklists.Synthetic") =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => Parse(s.Path, s.Text)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static SyntaxTree Parse(string path, string text) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    /// <summary>The compilation with the file at <paramref name="path"/> replaced by <paramref name="text"/>.</summary>
    public static CSharpCompilation Replace(CSharpCompilation compilation, string path, string text) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == path), Parse(path, text));

    /// <summary>A driver for the ChecklistDsl generator, as the compiler creates one (step tracking optional).</summary>
    public static GeneratorDriver CreateDriver(bool trackSteps = false) => CreateDriver(new ChecklistGenerator().AsSourceGenerator(), trackSteps);

    /// <summary>A driver for any one generator (a peer's, the attribute-matching floor), created the same way.</summary>
    public static GeneratorDriver CreateDriver(ISourceGenerator generator, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [generator],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Every analyzer the generator assembly ships.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        [.. typeof(ChecklistGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(ChecklistDefinition).Assembly.Location)
            .Append(typeof(Stateless.StateMachine<,>).Assembly.Location)
            // The LoggerMessage peer's sources (PeerSources) compile against it.
            .Append(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return [.. paths.Select(p => MetadataReference.CreateFromFile(p))];
    }
}
