using ChecklistDsl.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ChecklistDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// The standard Roslyn test drivers (Microsoft.CodeAnalysis.Testing) set up as a checklists project:
/// C# latest, nullable on, compiled against .NET's reference assemblies from disk and ChecklistDsl.
/// </summary>
internal static class ChecklistProject
{
    /// <summary>
    /// No reference package to resolve (the library's default downloads one from NuGet, which a clean
    /// CI machine has not cached): the references are <see cref="CompilationReferences.Checklists"/>.
    /// </summary>
    public static ReferenceAssemblies NoDownload { get; } = new("net10.0");

    /// <summary>Markup names the id only; the analyzer has one descriptor per id.</summary>
    public const MarkupOptions Markup = MarkupOptions.UseFirstDescriptor;

    /// <summary>What both drivers share: no download, markup by id, the checklists' references.</summary>
    public static void Configure<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = NoDownload;
        test.MarkupOptions = Markup;
        test.TestState.AdditionalReferences.AddRange(CompilationReferences.Checklists);
    }

    public static ParseOptions Latest(ParseOptions options) => ((CSharpParseOptions)options).WithLanguageVersion(LanguageVersion.Latest);

    public static CompilationOptions Nullable(CompilationOptions options) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);
}

/// <summary>The CHK analyzers on a test source: exactly the expected diagnostics, and the source compiles.</summary>
internal sealed class ChecklistAnalyzerTest : CSharpAnalyzerTest<ChecklistAnalyzer, DefaultVerifier>
{
    public ChecklistAnalyzerTest() => ChecklistProject.Configure(this);

    protected override ParseOptions CreateParseOptions() => ChecklistProject.Latest(base.CreateParseOptions());

    protected override CompilationOptions CreateCompilationOptions() => ChecklistProject.Nullable(base.CreateCompilationOptions());
}

/// <summary>A code fix with the CHK analyzers: the diagnostics before, the fixed source, the diagnostics after.</summary>
internal sealed class ChecklistCodeFixTest<TFix> : CSharpCodeFixTest<ChecklistAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public ChecklistCodeFixTest() => ChecklistProject.Configure(this);

    protected override ParseOptions CreateParseOptions() => ChecklistProject.Latest(base.CreateParseOptions());

    protected override CompilationOptions CreateCompilationOptions() => ChecklistProject.Nullable(base.CreateCompilationOptions());
}
