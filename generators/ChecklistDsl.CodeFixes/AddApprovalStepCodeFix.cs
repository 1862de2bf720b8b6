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
/// CHK004: inserts an approval step before the first production change:
/// <c>[Step("Approve apply updates")] [Approval("Change approver")] void ApproveApplyUpdates() { }</c>.
/// "Change approver" is a placeholder role for the author to replace.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(AddApprovalStepCodeFix)), Shared]
public sealed class AddApprovalStepCodeFix : ChecklistCodeFix
{
    /// <summary>The role the stub names until the author writes the real one.</summary>
    public const string PlaceholderRole = "Change approver";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticDescriptors.ChangeBeforeApproval.Id);

    /// <inheritdoc />
    protected override string Title(Diagnostic diagnostic) => "Add an approval step before the first change";

    /// <inheritdoc />
    protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var eol = SyntaxShapes.EndOfLine(root);

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var group in diagnostics
            .Select(d => SyntaxShapes.MethodAt(root, d))
            .Where(m => m?.Parent is TypeDeclarationSyntax)
            .GroupBy(m => (TypeDeclarationSyntax)m!.Parent!))
        {
            var type = group.Key;
            var change = group.OrderBy(m => m!.SpanStart).First()!; // one first change per class
            if (model.GetDeclaredSymbol(change, cancellationToken) is not { } method)
                continue;
            var taken = new HashSet<string>(model.GetDeclaredSymbol(type, cancellationToken)?.MemberNames ?? [], StringComparer.Ordinal);
            var prefix = SyntaxShapes.AttributePrefix(model, type.SpanStart);
            var name = SyntaxShapes.Fresh("Approve" + method.Name, taken);
            var approval = SyntaxShapes.Member(
            [
                $"[{prefix}Step({SyntaxShapes.Literal("Approve " + SyntaxShapes.LowerFirst(SyntaxShapes.StepTitle(method)))})]",
                $"[{prefix}Approval({SyntaxShapes.Literal(PlaceholderRole)})]",
                $"void {name}() {{ }}",
            ], SyntaxShapes.Indentation(change), eol, SyntaxShapes.HasBlankLineBefore(change));
            replacements.Add(type, SyntaxShapes.InsertBefore(type, [(change, approval)]));
        }
        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }
}
