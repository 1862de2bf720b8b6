using System;
using System.Collections.Generic;
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
    private protected override TypeDeclarationSyntax? FixClass(ChecklistClassFix fix, CancellationToken cancellationToken)
    {
        var changedSteps = new Dictionary<MethodDeclarationSyntax, MethodDeclarationSyntax>();
        var rollbacks = new List<MemberDeclarationSyntax>();
        foreach (var step in fix.Findings.Select(f => f.Method).Where(m => m is { AttributeLists.Count: > 0 }).Distinct().OrderBy(m => m!.SpanStart))
        {
            if (fix.Model.GetDeclaredSymbol(step!, cancellationToken) is not { } method)
                continue;
            var name = SyntaxShapes.Fresh("Undo" + method.Name, fix.Taken);
            changedSteps.Add(step!, WithRollbackWith(step!, $"{fix.AttributePrefix}RollbackWith(nameof({name}))"));
            rollbacks.Add(SyntaxShapes.Member(
            [
                $"[{fix.AttributePrefix}Rollback({SyntaxShapes.Literal("Undo " + SyntaxShapes.LowerFirst(SyntaxShapes.StepTitle(method)))})]",
                $"void {name}() {{ }}",
            ], SyntaxShapes.Indentation(step!), fix.EndOfLine, blankLineBefore: true));
        }
        if (rollbacks.Count == 0)
            return null;
        var members = fix.Type.Members.Select(m => m is MethodDeclarationSyntax md && changedSteps.TryGetValue(md, out var changed) ? changed : m);
        return fix.Type.WithMembers(SyntaxFactory.List(members.Concat(rollbacks)));
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
