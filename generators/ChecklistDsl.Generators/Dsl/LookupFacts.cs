using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>
/// What a simple name's lookup depends on outside the class's own declaration, as strings the caches
/// can compare across compilations without holding a symbol or a compilation: every global using
/// (and extern alias) in the compilation, every namespace declared in source, and the base classes
/// whose nested types are in scope. Together with the same references, options, the usings of the
/// class's own file and enclosing namespaces, and no source type named like what was looked up,
/// these decide what <c>LookupNamespacesAndTypes</c> answers.
/// </summary>
internal static class LookupFacts
{
    /// <summary>The compilation-wide facts: computed once per compilation, from each tree's (kept with the tree).</summary>
    internal sealed class CompilationFacts
    {
        public CompilationFacts(string globalUsings, string namespaces, ImmutableArray<string> identifiers)
        {
            GlobalUsings = globalUsings;
            Namespaces = namespaces;
            Identifiers = identifiers;
        }

        /// <summary>The text of every global using directive and file-level extern alias, tree by tree.</summary>
        public string GlobalUsings { get; }

        /// <summary>Every namespace declared in source, by its full name, sorted.</summary>
        public string Namespaces { get; }

        /// <summary>The identifiers the global usings name (a source type so named could change what they bind to).</summary>
        public ImmutableArray<string> Identifiers { get; }

        public bool SameAs(CompilationFacts other) =>
            ReferenceEquals(this, other) || (GlobalUsings == other.GlobalUsings && Namespaces == other.Namespaces);
    }

    private sealed class TreeFacts
    {
        public TreeFacts(string global, string[] namespaces, string[] identifiers)
        {
            Global = global;
            Namespaces = namespaces;
            Identifiers = identifiers;
        }

        public string Global { get; }
        public string[] Namespaces { get; }
        public string[] Identifiers { get; }

        public bool SameAs(TreeFacts other) =>
            ReferenceEquals(this, other)
            || (Global == other.Global && Namespaces.SequenceEqual(other.Namespaces) && Identifiers.SequenceEqual(other.Identifiers));
    }

    private const string ObjectOnly = "object\n";

    private static readonly ConditionalWeakTable<Compilation, CompilationFacts> ByCompilation = new();

    private static bool NoBaseList(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not ClassDeclarationSyntax { BaseList: null })
                return false;
        }
        return type.DeclaringSyntaxReferences.Length > 0;
    }

    /// <summary>The facts last computed: a compilation after an edit that changed none of them shares the instance, so comparing is a reference check.</summary>
    private static CompilationFacts? _last;
    private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts> ByTree = new();

    /// <summary>The compilation-wide facts of <paramref name="compilation"/>.</summary>
    public static CompilationFacts Of(Compilation compilation) => ByCompilation.GetValue(compilation, Compute);

    private static CompilationFacts Compute(Compilation compilation)
    {
        // After an edit, the trees are the last compilation's but one or two: if those read the same
        // here, so does the compilation (one reference compare per tree, not a lookup per tree).
        var last = _lastCompilation;
        if (last is not null && last.Compilation.TryGetTarget(out var previous) && compilation is CSharpCompilation current && previous is CSharpCompilation before
            && SameTreeFacts(before.SyntaxTrees, current.SyntaxTrees))
        {
            _lastCompilation = new LastCompilation(compilation, last.Facts);
            return last.Facts;
        }
        var facts = ComputeAll(compilation);
        _lastCompilation = new LastCompilation(compilation, facts);
        return facts;
    }

    private static bool SameTreeFacts(ImmutableArray<SyntaxTree> before, ImmutableArray<SyntaxTree> now)
    {
        if (before.Length != now.Length)
            return false;
        for (var i = 0; i < now.Length; i++)
        {
            if (!ReferenceEquals(before[i], now[i]) && !ByTree.GetValue(before[i], ComputeTree).SameAs(ByTree.GetValue(now[i], ComputeTree)))
                return false;
        }
        return true;
    }

    private sealed class LastCompilation
    {
        public LastCompilation(Compilation compilation, CompilationFacts facts)
        {
            Compilation = new WeakReference<Compilation>(compilation);
            Facts = facts;
        }

        /// <summary>Weakly: a compilation is never kept alive by the caches.</summary>
        public WeakReference<Compilation> Compilation { get; }
        public CompilationFacts Facts { get; }
    }

    private static LastCompilation? _lastCompilation;

    private static CompilationFacts ComputeAll(Compilation compilation)
    {
        var global = new StringBuilder();
        var namespaces = new HashSet<string>(System.StringComparer.Ordinal);
        var identifiers = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var facts = ByTree.GetValue(tree, ComputeTree);
            if (facts.Global.Length > 0)
                global.Append(facts.Global).Append('\u0001');
            foreach (var name in facts.Namespaces)
                namespaces.Add(name);
            foreach (var name in facts.Identifiers)
                identifiers.Add(name);
        }
        var sorted = namespaces.ToList();
        sorted.Sort(System.StringComparer.Ordinal);
        var globalUsings = global.ToString();
        var declared = string.Join("\n", sorted);
        var last = _last;
        if (last is not null && last.GlobalUsings == globalUsings && last.Namespaces == declared && last.Identifiers.Length == identifiers.Count && identifiers.SetEquals(last.Identifiers))
            return last;
        return _last = new CompilationFacts(globalUsings, declared, identifiers.ToImmutableArray());
    }

    private static TreeFacts ComputeTree(SyntaxTree tree)
    {
        if (tree.GetRoot() is not CompilationUnitSyntax root)
            return new TreeFacts("\u0002" + tree.FilePath, System.Array.Empty<string>(), System.Array.Empty<string>()); // not C#: never equal to a C# tree's
        var global = new StringBuilder();
        var identifiers = new List<string>();
        foreach (var extern_ in root.Externs)
            AppendDirective(global, identifiers, extern_);
        var namespaces = new List<string>();
        AddGlobalUsingsAndNamespaces(root.Usings, root.Members, "", global, identifiers, namespaces);
        return new TreeFacts(global.ToString(), namespaces.ToArray(), identifiers.ToArray());
    }

    /// <summary>
    /// Global usings (a <c>global using</c> inside a namespace is an error, CS8914, and taken too so
    /// nothing depends on how the compiler treats it) and the namespaces declared, recursively.
    /// </summary>
    private static void AddGlobalUsingsAndNamespaces(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members, string prefix, StringBuilder global, List<string> identifiers, List<string> namespaces)
    {
        foreach (var directive in usings)
        {
            if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                AppendDirective(global, identifiers, directive);
        }
        foreach (var member in members)
        {
            if (member is not BaseNamespaceDeclarationSyntax ns)
                continue;
            var name = prefix + Dotted(ns.Name);
            namespaces.Add(name);
            AddGlobalUsingsAndNamespaces(ns.Usings, ns.Members, name + ".", global, identifiers, namespaces);
        }
    }

    private static void AppendDirective(StringBuilder text, List<string> identifiers, SyntaxNode directive)
    {
        text.Append(directive.ToString()).Append('\n');
        AddIdentifiers(directive, identifiers);
    }

    /// <summary>Every identifier in the node (a walk of its children: no iterator allocated per token).</summary>
    private static void AddIdentifiers(SyntaxNode node, List<string> identifiers)
    {
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } inner)
                AddIdentifiers(inner, identifiers);
            else if (child.IsKind(SyntaxKind.IdentifierToken))
                identifiers.Add(child.AsToken().ValueText);
        }
    }

    /// <summary>A namespace's name as declared, its parts joined by dots (no trivia); anything unexpected is kept as written.</summary>
    private static string Dotted(NameSyntax name) => name switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => Dotted(qualified.Left) + "." + qualified.Right.Identifier.ValueText,
        _ => "\u0002" + name.ToString(),
    };

    /// <summary>
    /// The usings in scope at <paramref name="scope"/> from its own file: the text of the using and
    /// extern alias directives of the file and of each enclosing namespace, the namespaces' names, and
    /// the enclosing type declarations (name, kind, type parameters); with the identifiers those
    /// directives name.
    /// </summary>
    public static string LocalScope(TypeDeclarationSyntax scope, List<string> identifiers)
    {
        var text = new StringBuilder();
        for (SyntaxNode? node = scope; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case TypeDeclarationSyntax type:
                    text.Append(type.Kind()).Append(' ').Append(type.Identifier.ValueText).Append(type.TypeParameterList?.ToString()).Append('\n');
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    text.Append("namespace ").Append(Dotted(ns.Name)).Append('\n');
                    AppendDirectives(text, identifiers, ns.Externs, ns.Usings);
                    break;
                case CompilationUnitSyntax unit:
                    AppendDirectives(text, identifiers, unit.Externs, unit.Usings);
                    break;
                default:
                    // A type declaration inside something else (error recovery): say so, so it never matches a well-formed one.
                    text.Append('\u0002').Append(node.Kind()).Append('\n');
                    break;
            }
        }
        return text.ToString();
    }

    private static void AppendDirectives(StringBuilder text, List<string> identifiers, SyntaxList<ExternAliasDirectiveSyntax> externs, SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in externs)
            AppendDirective(text, identifiers, directive);
        foreach (var directive in usings)
            AppendDirective(text, identifiers, directive);
    }

    /// <summary>
    /// The base classes of the type and of each containing type (their nested types are in scope), by
    /// full name and assembly; null when a type in the chain is an interface (base interfaces' nested
    /// types would be in scope too, and that is not worth tracking).
    /// </summary>
    public static string? BaseChains(INamedTypeSymbol type)
    {
        // Nearly every checklist: a top-level class with no base list on any declaration derives from
        // object, said from syntax (binding a base list in a new compilation is what this saves).
        if (type.ContainingType is null && type.TypeKind == TypeKind.Class && !type.IsRecord && NoBaseList(type))
            return ObjectOnly;
        var text = new StringBuilder();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.TypeKind is TypeKind.Interface or TypeKind.Error)
                return null;
            for (var b = t.BaseType; b is not null; b = b.BaseType)
            {
                if (b.SpecialType == SpecialType.System_Object && b.BaseType is null)
                {
                    text.Append("object");
                    break;
                }
                if (b.TypeKind == TypeKind.Error)
                    return null;
                text.Append(b.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).Append('@').Append(b.ContainingAssembly?.Identity.GetDisplayName()).Append(';');
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
