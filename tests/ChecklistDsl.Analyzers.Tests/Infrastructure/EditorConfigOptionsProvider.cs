using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChecklistDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// Feeds .editorconfig severities (<c>dotnet_diagnostic.CHK001.severity</c>) to the compiler the way
/// the build does: an <see cref="AnalyzerConfigSet"/> evaluated per syntax tree.
/// </summary>
internal sealed class EditorConfigOptionsProvider : SyntaxTreeOptionsProvider
{
    private readonly AnalyzerConfigSet _set;

    public EditorConfigOptionsProvider(string editorConfigText, string path) =>
        _set = AnalyzerConfigSet.Create(System.Collections.Immutable.ImmutableArray.Create(AnalyzerConfig.Parse(editorConfigText, path)));

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
}
