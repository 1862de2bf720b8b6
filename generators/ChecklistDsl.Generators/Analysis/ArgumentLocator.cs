using System.Threading;
using ChecklistDsl.Generators.Dsl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ChecklistDsl.Generators.Analysis;

/// <summary>
/// Finds where a piece of an attribute's string argument is in source, so a squiggle can sit on the
/// offending characters. Falls back to the whole argument, then to the whole attribute.
/// </summary>
internal static class ArgumentLocator
{
    /// <summary>The location of <paramref name="value"/>[start..start+length] inside the attribute's arguments.</summary>
    public static Location Locate(DslAttribute attribute, string value, int start, int length, CancellationToken cancellationToken)
    {
        var fallback = attribute.Location;
        if (attribute.Syntax(cancellationToken) is not { ArgumentList: not null } syntax)
            return fallback;
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.Expression is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                continue;
            var token = literal.Token;
            if (token.ValueText != value)
                continue;
            // A plain "..." literal without escapes maps characters one to one.
            if (token.Text.Length == value.Length + 2 && token.Text[0] == '"')
                return Location.Create(syntax.SyntaxTree, new TextSpan(token.SpanStart + 1 + start, length));
            return literal.GetLocation();
        }
        return fallback;
    }
}
