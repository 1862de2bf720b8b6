using System.Collections.Immutable;
using ChecklistDsl.CodeFixes;
using ChecklistDsl.Fuzz.Tests.Infrastructure;
using ChecklistDsl.Generators.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ChecklistDsl.Fuzz.Tests.Fuzzing;

/// <summary>
/// Runs one source through everything ChecklistDsl puts into the compiler and the IDE: every generator
/// (CSharpGeneratorDriver), every analyzer (CompilationWithAnalyzers) and every code fix (AdhocWorkspace),
/// and returns what went wrong. A failure is: a generator exception (CS8785) or a CHK000; generated code
/// that does not compile where the source did; an analyzer exception (AD0001, or one handed to
/// onAnalyzerException); a code fix that throws, or whose result has more parse errors than the source.
/// </summary>
internal static class FuzzTarget
{
    /// <summary>Code fixes applied per case: enough to reach every provider, bounded for huge sources.</summary>
    private const int MaxDiagnosticsFixed = 12;

    public static readonly ImmutableArray<ISourceGenerator> Generators =
    [
        .. Instances<IIncrementalGenerator>(typeof(ChecklistGenerator).Assembly).Select(g => g.AsSourceGenerator()),
    ];

    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [.. Instances<DiagnosticAnalyzer>(typeof(ChecklistGenerator).Assembly)];

    public static readonly ImmutableArray<CodeFixProvider> CodeFixes = [.. Instances<CodeFixProvider>(typeof(ChecklistCodeFix).Assembly)];

    public static async Task<IReadOnlyList<string>> CheckAsync(IReadOnlyList<SourceFile> files)
    {
        var failures = new List<string>();
        var compilation = Compilations.Create("Fuzzed", files.Select(f => (f.Path, f.Text)));
        var output = RunGenerators(compilation, failures);
        await AnalyzeAsync(output, failures, "on the generated compilation");
        await ApplyCodeFixesAsync(files, failures);
        return failures;
    }

    private static Compilation RunGenerators(Compilation compilation, List<string> failures)
    {
        var driver = CSharpGeneratorDriver.Create(Generators, parseOptions: Compilations.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        foreach (var result in driver.GetRunResult().Results)
        {
            if (result.Exception is not null)
                failures.Add($"generator {result.Generator.GetGeneratorType().Name} threw: {result.Exception}");
        }
        foreach (var diagnostic in diagnostics.Where(d => d.Id is "CS8785" or "CHK000"))
            failures.Add($"generator reported {diagnostic}");

        // Where the author's source compiles, what the generator adds must compile too: no error anywhere,
        // and no warning in the generated files (a project with TreatWarningsAsErrors, as this repository's,
        // fails on them) unless the author's source already has that warning (a class named "record" is
        // CS8860 in both) or it is the author's [Obsolete] on a step method.
        var sourceDiagnostics = compilation.GetDiagnostics();
        if (!sourceDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            var authorsWarnings = sourceDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id).ToHashSet();
            var generatedTrees = output.SyntaxTrees.Except(compilation.SyntaxTrees).ToHashSet();
            var errors = output.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error
                    || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree)
                        && !authorsWarnings.Contains(d.Id) && d.Id is not ("CS0612" or "CS0618")))
                .ToList();
            if (errors.Count > 0)
            {
                var generated = string.Join("\n", generatedTrees.Select(t => $"----- {t.FilePath} -----\n{t}"));
                failures.Add("generated code does not compile cleanly (the source alone does):\n" + string.Join("\n", errors.Take(10)) + "\n" + Shorten(generated));
            }
        }
        return output;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, List<string> failures, string where)
    {
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            Analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]),
                onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) exceptions.Add(exception); },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        foreach (var exception in exceptions)
            failures.Add($"analyzer threw {where}: {exception}");
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            failures.Add($"analyzer exception {where}: {diagnostic}");
        return diagnostics;
    }

    private static async Task ApplyCodeFixesAsync(IReadOnlyList<SourceFile> files, List<string> failures)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Fuzzed", "Fuzzed", LanguageNames.CSharp,
            compilationOptions: Compilations.Options, parseOptions: Compilations.ParseOptions, metadataReferences: Compilations.References));
        foreach (var file in files)
        {
            project = workspace.AddDocument(DocumentInfo.Create(
                DocumentId.CreateNewId(project.Id), Path.GetFileName(file.Path), filePath: file.Path,
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(file.Text), VersionStamp.Default)))).Project;
        }
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await AnalyzeAsync(compilation, failures, "in the workspace");
        var fixable = diagnostics.Where(d => d.Id.StartsWith("CHK", StringComparison.Ordinal) && d.Location.IsInSource).Take(MaxDiagnosticsFixed).ToList();
        foreach (var fix in CodeFixes)
        {
            var mine = fixable.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).ToList();
            foreach (var diagnostic in mine)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree);
                if (document is null)
                    continue;
                var actions = new List<CodeAction>();
                try
                {
                    await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                }
                catch (Exception exception)
                {
                    failures.Add($"code fix {fix.GetType().Name} threw registering for {diagnostic}: {exception}");
                    continue;
                }
                foreach (var action in actions)
                    await ApplyAsync(project, action, $"{fix.GetType().Name} '{action.Title}' for {diagnostic}", failures);
            }
            if (mine.Count > 0 && fix.GetFixAllProvider() is { } fixAll && project.GetDocument(mine[0].Location.SourceTree) is { } first)
            {
                try
                {
                    var context = new FixAllContext(first, fix, FixAllScope.Project, fix.GetType().Name, fix.FixableDiagnosticIds,
                        new KnownDiagnostics(mine), CancellationToken.None);
                    if (await fixAll.GetFixAsync(context) is { } action)
                        await ApplyAsync(project, action, $"{fix.GetType().Name} fix-all", failures);
                }
                catch (Exception exception)
                {
                    failures.Add($"code fix {fix.GetType().Name} fix-all threw: {exception}");
                }
            }
        }
    }

    /// <summary>Applies a code action; it must not throw, and no document may parse worse than before.</summary>
    private static async Task ApplyAsync(Project project, CodeAction action, string what, List<string> failures)
    {
        try
        {
            foreach (var operation in (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>())
            {
                foreach (var changed in operation.ChangedSolution.GetProject(project.Id)!.Documents)
                {
                    var before = project.GetDocument(changed.Id);
                    var newTree = (await changed.GetSyntaxTreeAsync())!;
                    var errorsAfter = ParseErrors(newTree);
                    var errorsBefore = before is null ? 0 : ParseErrors((await before.GetSyntaxTreeAsync())!);
                    if (errorsAfter > errorsBefore)
                    {
                        failures.Add($"code fix {what} left {changed.FilePath} with {errorsAfter} parse errors (it had {errorsBefore}):\n"
                            + string.Join("\n", newTree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5))
                            + "\n----- fixed text -----\n" + Shorten(newTree.ToString()));
                    }
                }
            }
        }
        catch (Exception exception)
        {
            failures.Add($"code fix {what} threw: {exception}");
        }
    }

    private static int ParseErrors(SyntaxTree tree) => tree.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);

    private static string Shorten(string text) => text.Length <= 20_000 ? text : text[..20_000] + "\n[... cut ...]";

    private static IEnumerable<T> Instances<T>(System.Reflection.Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(T).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!);

    private sealed class KnownDiagnostics(IReadOnlyList<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
