using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using ChecklistDsl.Generators.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Generators.Tests.Infrastructure;

/// <summary>Compiles checklist sources, runs the generator on them, and loads what comes out.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>The framework's assemblies plus the ChecklistDsl runtime: what a checklists project compiles against.</summary>
    public static ImmutableArray<MetadataReference> References => CompilationReferences.Checklists;

    public static CSharpCompilation Compilation(params (string Path, string Text)[] sources) =>
        CSharpCompilation.Create(
            "Checklists.UnderTest",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static CSharpCompilation Compilation(string source) => Compilation(("Checklist.cs", source));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new ChecklistGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; fails the test if it threw or reported an error of its own.</summary>
    public static GeneratedResult Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        foreach (var generator in result.Results)
            Assert.IsNull(generator.Exception, $"The generator threw: {generator.Exception}");
        return new GeneratedResult(output, result, diagnostics);
    }

    public static GeneratedResult Run(string source) => Run(Compilation(source));

    /// <summary>Compiles to an in-memory assembly and loads it into its own context; fails on any compile error.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.IsTrue(emitted.Success, "The generated code does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        // ChecklistDsl.dll resolves to the test's own copy, so ChecklistDefinition is the same type here and there.
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(image);
    }

    /// <summary>The compilation with the file at <paramref name="path"/> replaced by <paramref name="text"/>: an edit.</summary>
    public static CSharpCompilation ReplaceFile(CSharpCompilation compilation, string path, string text) =>
        compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(t => t.FilePath == path),
            CSharpSyntaxTree.ParseText(text, ParseOptions, path));

    /// <summary>What a driver's last run generated, by hint name; the run must not have thrown.</summary>
    public static Dictionary<string, string> GeneratedTexts(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        Assert.IsNull(result.Exception);
        return result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    }

    /// <summary>What a fresh run generates, the caches kept across compilations emptied first: what a kept driver must match.</summary>
    public static Dictionary<string, string> FreshRun(Compilation compilation)
    {
        Dsl.ParsedChecklistCache.Clear();
        return GeneratedTexts(CreateDriver().RunGenerators(compilation));
    }

    public static IReadOnlyList<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
}

internal sealed record GeneratedResult(Compilation Output, GeneratorDriverRunResult RunResult, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public ImmutableArray<GeneratedSourceResult> Sources => RunResult.Results.Single().GeneratedSources;

    public string Source(string hintName) =>
        Sources.SingleOrDefault(s => s.HintName == hintName).SourceText?.ToString()
        ?? throw new AssertFailedException($"No generated file '{hintName}'. Generated: {string.Join(", ", Sources.Select(s => s.HintName))}");
}
