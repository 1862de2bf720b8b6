using System.Collections.Immutable;
using ChecklistDsl.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChecklistDsl.Analyzers.Tests.Infrastructure;

/// <summary>Compiles test sources against the running .NET and ChecklistDsl, and runs the CHK analyzers.</summary>
internal static class TestCompilation
{
    public const string SourceDirectory = "/checklists";
    public const string SourcePath = SourceDirectory + "/Checklist.cs";

    /// <summary>The running runtime's assemblies plus ChecklistDsl.dll.</summary>
    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(StepAttribute).Assembly.Location),
    ];

    public static CSharpCompilation Create(string source, string? editorConfig = null, string path = SourcePath) =>
        Create([(source, path)], editorConfig);

    public static CSharpCompilation Create(IEnumerable<(string Source, string Path)> sources, string? editorConfig = null)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        if (editorConfig is not null)
            options = options.WithSyntaxTreeOptionsProvider(new EditorConfigOptionsProvider(editorConfig, SourceDirectory + "/.editorconfig"));
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        return CSharpCompilation.Create(
            "TestChecklists",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, parseOptions, s.Path)),
            References,
            options);
    }

    /// <summary>The analyzer diagnostics after #pragma, .editorconfig and [AssumeSafe], in source order.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            [new ChecklistAnalyzer()],
            new CompilationWithAnalyzersOptions(
                options: new AnalyzerOptions([]),
                onAnalyzerException: (exception, _, _) => { lock (exceptions) exceptions.Add(exception); },
                concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.IsEmpty(exceptions, "The analyzer threw:\n" + string.Join("\n", exceptions));
        return [.. diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <summary>Compiler errors (the test sources must be valid C#).</summary>
    public static IReadOnlyList<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
}
