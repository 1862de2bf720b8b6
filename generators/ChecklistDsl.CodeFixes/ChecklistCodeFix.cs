using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ChecklistDsl.CodeFixes;

/// <summary>
/// Shared shape of the CHK code fixes: one fixer method handles any number of diagnostics of a
/// document at once, so a single fix and fix-all run the same code, and fix-all can merge what would
/// otherwise conflict (two CHK001 for one resource add one backup step).
/// </summary>
public abstract class ChecklistCodeFix : CodeFixProvider
{
    /// <summary>The code action's title for one diagnostic.</summary>
    protected abstract string Title(Diagnostic diagnostic);

    /// <summary>Whether this fixer can fix that diagnostic (CHK011 has kinds it cannot).</summary>
    protected virtual bool CanFix(Diagnostic diagnostic) => true;

    /// <summary>Applies the fix for all the given diagnostics of one document.</summary>
    protected abstract Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken);

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
}
