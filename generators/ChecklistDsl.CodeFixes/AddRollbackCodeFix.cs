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
/// CHK002: adds <c>RollbackWith(nameof(UndoX))</c> to the changing step and a stub
/// <c>[Rollback("Undo x")] void UndoX() { }</c> at the end of the class. Never [NoRollback]: a fix
/// must not invent the reason that would silence the rule.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRollbackCodeFix)), Shared]
public sealed class AddRollbackCodeFix : ChecklistCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticDescriptors.ChangeWithoutRollback.Id);

    /// <inheritdoc />
    protected override string Title(Diagnostic diagnostic) => "Add a rollback procedure for this step";

    /// <inheritdoc />
    protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var eol = SyntaxShapes.EndOfLine(root);

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var group in diagnostics
            .Select(d => SyntaxShapes.MethodAt(root, d))
            .Where(m => m?.Parent is TypeDeclarationSyntax && m.AttributeLists.Count > 0)
            .Distinct()
            .GroupBy(m => (TypeDeclarationSyntax)m!.Parent!))
        {
            var type = group.Key;
            var taken = new HashSet<string>(model.GetDeclaredSymbol(type, cancellationToken)?.MemberNames ?? [], StringComparer.Ordinal);
            var prefix = SyntaxShapes.AttributePrefix(model, type.SpanStart);
            var changedSteps = new Dictionary<MethodDeclarationSyntax, MethodDeclarationSyntax>();
            var rollbacks = new List<MemberDeclarationSyntax>();
            foreach (var step in group.OrderBy(m => m!.SpanStart))
            {
                if (model.GetDeclaredSymbol(step!, cancellationToken) is not { } method)
                    continue;
                var name = SyntaxShapes.Fresh("Undo" + method.Name, taken);
                changedSteps.Add(step!, WithRollbackWith(step!, $"{prefix}RollbackWith(nameof({name}))"));
                rollbacks.Add(SyntaxShapes.Member(
                [
                    $"[{prefix}Rollback({SyntaxShapes.Literal("Undo " + SyntaxShapes.LowerFirst(SyntaxShapes.StepTitle(method)))})]",
                    $"void {name}() {{ }}",
                ], SyntaxShapes.Indentation(step!), eol, blankLineBefore: true));
            }
            var members = type.Members.Select(m => m is MethodDeclarationSyntax md && changedSteps.TryGetValue(md, out var changed) ? changed : m);
            replacements.Add(type, type.WithMembers(SyntaxFactory.List(members.Concat(rollbacks))));
        }
        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    // Added to the attribute list that says what the step changes, so it reads as one declaration.
    private static MethodDeclarationSyntax WithRollbackWith(MethodDeclarationSyntax step, string attribute)
    {
        var list = step.AttributeLists.FirstOrDefault(l => l.Attributes.Any(a => a.Name.ToString() is var n &&
            (n.EndsWith("Modifies", StringComparison.Ordinal) || n.EndsWith("Destroys", StringComparison.Ordinal) ||
             n.EndsWith("ModifiesAttribute", StringComparison.Ordinal) || n.EndsWith("DestroysAttribute", StringComparison.Ordinal))))
            ?? step.AttributeLists.Last();
        var target = list.Target is null ? "" : list.Target.ToString() + " ";
        var text = "[" + target + string.Join(", ", list.Attributes.Select(a => a.ToString()).Concat([attribute])) + "]";
        var newList = SyntaxFactory.ParseCompilationUnit(text + " class C { }").Members[0].AttributeLists[0].WithTriviaFrom(list);
        return step.ReplaceNode(list, newList);
    }
}
