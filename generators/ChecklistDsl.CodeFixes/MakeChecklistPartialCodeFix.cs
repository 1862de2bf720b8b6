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

/// <summary>CHK011 (not partial): adds the partial modifier to the checklist class.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeChecklistPartialCodeFix)), Shared]
public sealed class MakeChecklistPartialCodeFix : ChecklistCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticDescriptors.MalformedChecklist.Id);

    /// <inheritdoc />
    protected override string Title(Diagnostic diagnostic) => "Make the checklist class partial";

    /// <inheritdoc />
    protected override bool CanFix(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FindingProperties.Kind, out var kind) && kind == FindingProperties.NotPartial;

    /// <inheritdoc />
    private protected override TypeDeclarationSyntax? FixClass(ChecklistClassFix fix, CancellationToken cancellationToken) =>
        fix.Type.Modifiers.Any(SyntaxKind.PartialKeyword) ? null : MakePartial(fix.Type);

    private static TypeDeclarationSyntax MakePartial(TypeDeclarationSyntax type)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (type.Modifiers.Count > 0)
            return type.AddModifiers(partial);
        // No modifiers: partial takes the keyword's place (and its leading trivia).
        var keyword = type.Keyword;
        return type
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
