using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
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
    private protected override TypeDeclarationSyntax? FixClass(ChecklistClassFix fix, CancellationToken cancellationToken)
    {
        // One first change per class.
        var change = fix.Findings.Where(f => f.Method is not null).Select(f => f.Method!).OrderBy(m => m.SpanStart).FirstOrDefault();
        if (change is null || fix.Model.GetDeclaredSymbol(change, cancellationToken) is not { } method)
            return null;
        var name = SyntaxShapes.Fresh("Approve" + method.Name, fix.Taken);
        var approval = SyntaxShapes.Member(
        [
            $"[{fix.AttributePrefix}Step({SyntaxShapes.Literal("Approve " + SyntaxShapes.LowerFirst(SyntaxShapes.StepTitle(method)))})]",
            $"[{fix.AttributePrefix}Approval({SyntaxShapes.Literal(PlaceholderRole)})]",
            $"void {name}() {{ }}",
        ], SyntaxShapes.Indentation(change), fix.EndOfLine, SyntaxShapes.HasBlankLineBefore(change));
        return SyntaxShapes.InsertBefore(fix.Type, [(change, approval)]);
    }
}
