using System.Collections.Generic;
using System.Linq;
using System.Text;
using ChecklistDsl.Generators.Dsl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.CodeFixes;

/// <summary>Builds the members the fixes add, laid out like their neighbours; picks fresh names.</summary>
internal static class SyntaxShapes
{
    /// <summary>The method declaration a diagnostic points into (its identifier or one of its attributes).</summary>
    public static MethodDeclarationSyntax? MethodAt(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>();

    /// <summary>"staging database" is "StagingDatabase"; never empty, never starting with a digit.</summary>
    public static string Pascal(string text)
    {
        var result = new StringBuilder();
        var upper = true;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                upper = true;
                continue;
            }
            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (result.Length == 0 || char.IsDigit(result[0]))
            result.Insert(0, "Resource");
        return result.ToString();
    }

    /// <summary>"Apply updates" is "apply updates"; "CDN purge" stays (an acronym).</summary>
    public static string LowerFirst(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1])
            ? char.ToLowerInvariant(title[0]) + title.Substring(1)
            : title;

    /// <summary><paramref name="name"/>, or name2, name3... the first not in <paramref name="taken"/>; the result is added to it.</summary>
    public static string Fresh(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
            candidate = name + i;
        return candidate;
    }

    /// <summary>The step's title: the [Step] argument, or the method name humanized (the DSL reader's rule).</summary>
    public static string StepTitle(IMethodSymbol method) => ChecklistReader.TitleOf(method);

    /// <summary>"" when ChecklistDsl's attributes bind by their short names at the position, else "global::ChecklistDsl.".</summary>
    public static string AttributePrefix(SemanticModel model, int position) =>
        model.LookupNamespacesAndTypes(position, name: "StepAttribute")
            .Any(s => s.ToDisplayString() == "ChecklistDsl.StepAttribute") ? "" : "global::ChecklistDsl.";

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>The document's line break.</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } eol && eol.IsKind(SyntaxKind.EndOfLineTrivia)
            ? eol
            : SyntaxFactory.ElasticCarriageReturnLineFeed;

    /// <summary>The whitespace that indents a member.</summary>
    public static string Indentation(MemberDeclarationSyntax member) =>
        member.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();

    /// <summary>
    /// A member made of attribute lines and a signature, each on its own line at
    /// <paramref name="indent"/>; preceded by a blank line when <paramref name="blankLineBefore"/>.
    /// </summary>
    public static MemberDeclarationSyntax Member(IEnumerable<string> lines, string indent, SyntaxTrivia eol, bool blankLineBefore)
    {
        var text = string.Join(eol.ToString() + indent, lines);
        var member = SyntaxFactory.ParseMemberDeclaration(text)!;
        var leading = new List<SyntaxTrivia>();
        if (blankLineBefore)
            leading.Add(eol);
        leading.Add(SyntaxFactory.Whitespace(indent));
        return member.WithLeadingTrivia(leading).WithTrailingTrivia(eol);
    }

    /// <summary>Whether a member's leading trivia starts with a blank line.</summary>
    public static bool HasBlankLineBefore(MemberDeclarationSyntax member) =>
        member.GetLeadingTrivia().FirstOrDefault().IsKind(SyntaxKind.EndOfLineTrivia);

    /// <summary>
    /// The class with <paramref name="inserts"/> placed before the given members, in the order given.
    /// </summary>
    public static TypeDeclarationSyntax InsertBefore(TypeDeclarationSyntax type, IReadOnlyList<(MemberDeclarationSyntax Before, MemberDeclarationSyntax New)> inserts)
    {
        var members = new List<MemberDeclarationSyntax>();
        foreach (var member in type.Members)
        {
            foreach (var insert in inserts)
            {
                if (insert.Before == member)
                    members.Add(insert.New);
            }
            members.Add(member);
        }
        return type.WithMembers(SyntaxFactory.List(members));
    }
}
