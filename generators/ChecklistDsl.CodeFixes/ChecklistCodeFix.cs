using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.CodeFixes;

/// <summary>
/// Shared shape of the CHK code fixes: one fixer method handles any number of diagnostics of a
/// document at once, so a single fix and fix-all run the same code, and fix-all can merge what would
/// otherwise conflict (two CHK001 for one resource add one backup step). The opening is the same for
/// every fix (register, find each diagnostic's checklist class, read the document once); each fixer
/// says only how one class changes (<see cref="FixClass"/>).
/// </summary>
public abstract class ChecklistCodeFix : CodeFixProvider
{
    /// <summary>The code action's title for one diagnostic.</summary>
    protected abstract string Title(Diagnostic diagnostic);

    /// <summary>Whether this fixer can fix that diagnostic (CHK011 has kinds it cannot).</summary>
    protected virtual bool CanFix(Diagnostic diagnostic) => true;

    /// <summary>The class rewritten for its diagnostics, or null to leave it as it is.</summary>
    private protected abstract TypeDeclarationSyntax? FixClass(ChecklistClassFix fix, CancellationToken cancellationToken);

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var fixable = diagnostics.Where(CanFix).ToImmutableArray();
            return fixable.IsEmpty ? document : await FixAsync(document, fixable, context.CancellationToken).ConfigureAwait(false);
        });

    /// <inheritdoc />
    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics.Where(CanFix))
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title(diagnostic), ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct), GetType().Name),
                diagnostic);
        }
        return Task.CompletedTask;
    }

    /// <summary>Applies the fix for all the given diagnostics of one document, class by class.</summary>
    private async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var eol = SyntaxShapes.EndOfLine(root);

        // A diagnostic on a step points into its method; one on the class, at its name.
        var byClass = diagnostics
            .Select(d => (Diagnostic: d, Method: SyntaxShapes.MethodAt(root, d)))
            .Select(t => (t.Diagnostic, t.Method, Type: t.Method?.Parent as TypeDeclarationSyntax
                ?? root.FindToken(t.Diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>()))
            .Where(t => t.Type is not null)
            .GroupBy(t => t.Type!);

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var group in byClass)
        {
            var fix = new ChecklistClassFix(group.Key, model, eol, group.Select(t => (t.Diagnostic, t.Method)).ToList(), cancellationToken);
            if (FixClass(fix, cancellationToken) is { } fixedClass)
                replacements.Add(group.Key, fixedClass);
        }
        return replacements.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }
}

/// <summary>One checklist class to fix: its declaration, its diagnostics, and what every fix asks of it.</summary>
internal sealed class ChecklistClassFix
{
    private readonly CancellationToken _cancellationToken;
    private HashSet<string>? _taken;
    private string? _prefix;

    public ChecklistClassFix(TypeDeclarationSyntax type, SemanticModel model, SyntaxTrivia eol,
        IReadOnlyList<(Diagnostic Diagnostic, MethodDeclarationSyntax? Method)> findings, CancellationToken cancellationToken)
    {
        Type = type;
        Model = model;
        EndOfLine = eol;
        Findings = findings;
        _cancellationToken = cancellationToken;
    }

    public TypeDeclarationSyntax Type { get; }

    public SemanticModel Model { get; }

    public SyntaxTrivia EndOfLine { get; }

    /// <summary>The diagnostics in this class, each with the method it points into (null: the class itself).</summary>
    public IReadOnlyList<(Diagnostic Diagnostic, MethodDeclarationSyntax? Method)> Findings { get; }

    /// <summary>The names the class's members already use; a fresh name added is taken too.</summary>
    public HashSet<string> Taken => _taken ??= new HashSet<string>(
        Model.GetDeclaredSymbol(Type, _cancellationToken)?.MemberNames ?? [], StringComparer.Ordinal);

    /// <summary>"" when the DSL's attributes bind by their short names in the class, else "global::ChecklistDsl.".</summary>
    public string AttributePrefix => _prefix ??= SyntaxShapes.AttributePrefix(Model, Type.SpanStart);
}
