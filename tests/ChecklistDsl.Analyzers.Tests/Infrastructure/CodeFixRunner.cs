using System.Collections.Immutable;
using ChecklistDsl.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChecklistDsl.Analyzers.Tests.Infrastructure;

/// <summary>Applies a code fix (or fix-all) through an AdhocWorkspace, as the IDE does.</summary>
internal static class CodeFixRunner
{
    /// <summary>
    /// Applies <typeparamref name="TFix"/> to the first fixable diagnostic (or all, with
    /// <paramref name="fixAll"/>), asserts the new text is <paramref name="expected"/>, that it compiles,
    /// and that no diagnostic with the fixed id remains. Returns the remaining analyzer diagnostics.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync<TFix>(string source, string expected, bool fixAll = false)
        where TFix : CodeFixProvider, new()
    {
        var fix = new TFix();
        using var workspace = new AdhocWorkspace();
        var document = AddDocument(workspace, source);
        var diagnostics = await FixableAsync(document, fix);
        Assert.IsNotEmpty(diagnostics, "No diagnostic to fix");

        var changed = await ApplyAsync(document, fix, diagnostics[0], fixAll);
        var text = (await changed.GetTextAsync()).ToString();
        Assert.AreEqual(expected.ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"), "Fixed source differs");

        var compilation = (await changed.Project.GetCompilationAsync())!;
        var errors = TestCompilation.Errors(compilation);
        Assert.IsEmpty(errors, "The fixed source does not compile:\n" + string.Join("\n", errors));
        var after = await TestCompilation.AnalyzeAsync(compilation);
        var left = after.Where(d => fix.FixableDiagnosticIds.Contains(d.Id) && HasFix(fix, d)).ToList();
        if (fixAll)
            Assert.IsEmpty(left, "Fixed diagnostics remain: " + string.Join("\n", left));
        else
            Assert.HasCount(diagnostics.Count(d => HasFix(fix, d)) - 1, left, "The fixed diagnostic remains: " + string.Join("\n", left));
        return after;
    }

    /// <summary>The source after fixing every diagnostic <typeparamref name="TFix"/> fixes (fix-all in the document).</summary>
    public static async Task<string> FixAllAsync<TFix>(string source)
        where TFix : CodeFixProvider, new()
    {
        var fix = new TFix();
        using var workspace = new AdhocWorkspace();
        var document = AddDocument(workspace, source);
        var diagnostics = await FixableAsync(document, fix);
        Assert.IsNotEmpty(diagnostics, "No diagnostic to fix");
        return (await (await ApplyAsync(document, fix, diagnostics[0], fixAll: true)).GetTextAsync()).ToString();
    }

    private static async Task<Document> ApplyAsync(Document document, CodeFixProvider fix, Diagnostic first, bool fixAll)
    {
        CodeAction action;
        if (fixAll)
        {
            var context = new FixAllContext(
                document, fix, FixAllScope.Document, fix.GetType().Name, fix.FixableDiagnosticIds,
                new DiagnosticProvider(fix), CancellationToken.None);
            action = (await fix.GetFixAllProvider()!.GetFixAsync(context))!;
            Assert.IsNotNull(action, "No fix-all action");
        }
        else
        {
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, first, (a, _) => actions.Add(a), CancellationToken.None));
            Assert.HasCount(1, actions, "Expected exactly one code action");
            action = actions[0];
        }
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
    }

    /// <summary>The code actions the fix offers for each diagnostic of the source.</summary>
    public static async Task<IReadOnlyList<(Diagnostic Diagnostic, int Actions)>> OffersAsync<TFix>(string source)
        where TFix : CodeFixProvider, new()
    {
        var fix = new TFix();
        using var workspace = new AdhocWorkspace();
        var document = AddDocument(workspace, source);
        var result = new List<(Diagnostic, int)>();
        foreach (var diagnostic in await FixableAsync(document, fix))
        {
            var count = 0;
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (_, _) => count++, CancellationToken.None));
            result.Add((diagnostic, count));
        }
        return result;
    }

    private static bool HasFix(CodeFixProvider fix, Diagnostic diagnostic) =>
        diagnostic.Id != DiagnosticDescriptors.MalformedChecklist.Id ||
        (diagnostic.Properties.TryGetValue(FindingProperties.Kind, out var kind) && kind == FindingProperties.NotPartial);

    private static Document AddDocument(AdhocWorkspace workspace, string source)
    {
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "TestChecklists", "TestChecklists", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: TestCompilation.References));
        return workspace.AddDocument(project.Id, "Checklist.cs", Microsoft.CodeAnalysis.Text.SourceText.From(source));
    }

    private static async Task<ImmutableArray<Diagnostic>> FixableAsync(Document document, CodeFixProvider fix)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.IsEmpty(TestCompilation.Errors(compilation), "The test source does not compile");
        var all = await TestCompilation.AnalyzeAsync(compilation);
        return [.. all.Where(d => fix.FixableDiagnosticIds.Contains(d.Id))];
    }

    private sealed class DiagnosticProvider(CodeFixProvider fix) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            await FixableAsync(document, fix);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var result = new List<Diagnostic>();
            foreach (var document in project.Documents)
                result.AddRange(await FixableAsync(document, fix));
            return result;
        }
    }
}
