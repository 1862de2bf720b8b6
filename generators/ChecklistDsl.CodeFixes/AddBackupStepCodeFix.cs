using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ChecklistDsl.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.CodeFixes;

/// <summary>
/// CHK001: inserts, before the destructive step, a stub step that backs the resource up:
/// <c>[Step("Back up db")] [Backup("db")] void BackUpDb() { }</c>. It claims nothing (no Verified,
/// no OffSite). Several findings for one resource in one class get one backup, before the first.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(AddBackupStepCodeFix)), Shared]
public sealed class AddBackupStepCodeFix : ChecklistCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticDescriptors.DestroyWithoutBackup.Id);

    /// <inheritdoc />
    protected override string Title(Diagnostic diagnostic) => $"Add a step that backs up '{Resource(diagnostic)}' before this one";

    /// <inheritdoc />
    protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var eol = SyntaxShapes.EndOfLine(root);

        // Per class: each resource once, before its first destroying step in this document.
        var targets = diagnostics
            .Select(d => (Method: SyntaxShapes.MethodAt(root, d), Resource: Resource(d)))
            .Where(t => t.Method?.Parent is TypeDeclarationSyntax && t.Resource.Length > 0)
            .GroupBy(t => (TypeDeclarationSyntax)t.Method!.Parent!)
            .ToList();

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var group in targets)
        {
            var type = group.Key;
            var taken = new HashSet<string>(model.GetDeclaredSymbol(type, cancellationToken)?.MemberNames ?? [], StringComparer.Ordinal);
            var prefix = SyntaxShapes.AttributePrefix(model, type.SpanStart);
            var inserts = new List<(MemberDeclarationSyntax, MemberDeclarationSyntax)>();
            foreach (var byResource in group.GroupBy(t => t.Resource, StringComparer.OrdinalIgnoreCase))
            {
                var first = byResource.OrderBy(t => t.Method!.SpanStart).First();
                var before = first.Method!;
                var name = SyntaxShapes.Fresh("BackUp" + SyntaxShapes.Pascal(first.Resource), taken);
                inserts.Add((before, SyntaxShapes.Member(
                [
                    $"[{prefix}Step({SyntaxShapes.Literal("Back up " + first.Resource)})]",
                    $"[{prefix}Backup({SyntaxShapes.Literal(first.Resource)})]",
                    $"void {name}() {{ }}",
                ], SyntaxShapes.Indentation(before), eol, SyntaxShapes.HasBlankLineBefore(before))));
            }
            replacements.Add(type, SyntaxShapes.InsertBefore(type, inserts));
        }
        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    private static string Resource(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FindingProperties.Resource, out var resource) && resource is not null ? resource.Trim() : "";
}
