using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>
/// Facts about where and how a type is declared, one definition for the generator and the analyzers,
/// so that they agree on what is partial and on the order of steps.
/// </summary>
internal static class Declarations
{
    /// <summary>Whether every declaration of <paramref name="type"/> in source carries <c>partial</c>.</summary>
    public static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken = default) =>
        type.DeclaringSyntaxReferences.Length > 0
        && type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>Declaration order: by file, then by position (a class may be split over partial files).</summary>
    public static readonly IComparer<ISymbol> Order = new DeclarationOrder();

    private sealed class DeclarationOrder : IComparer<ISymbol>
    {
        public int Compare(ISymbol? x, ISymbol? y)
        {
            var left = x?.Locations.FirstOrDefault();
            var right = y?.Locations.FirstOrDefault();
            var byFile = string.CompareOrdinal(left?.SourceTree?.FilePath, right?.SourceTree?.FilePath);
            return byFile != 0 ? byFile : (left?.SourceSpan.Start ?? 0).CompareTo(right?.SourceSpan.Start ?? 0);
        }
    }
}
