using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using ChecklistDsl.Generators.Dsl.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>
/// The spec parsed from a checklist's declaration, kept (weakly) with that declaration's syntax node
/// and reused while nothing it was read from can have changed.
/// </summary>
/// <remarks>
/// Why: Roslyn's <c>ForAttributeWithMetadataName</c> re-runs the transform for every checklist on every
/// compilation change (each keystroke in the IDE), though only the edited file's syntax changed. An
/// unchanged tree keeps its node instances, so the node is the key. The spec is reused only when:
/// every file declaring the class or a containing type is the same tree; the references are the same;
/// every global using in the compilation reads the same and the same namespaces are declared in source
/// (<see cref="LookupFacts"/>: what the class's usings bind to); its base classes are the same types;
/// every attribute was read from syntax (literals, the class's own literal constants); and no type
/// in source is named like anything the reading looked up (a DSL attribute, <c>StepContext</c>,
/// <c>Task</c>) or any identifier of the directives in scope, so no new declaration elsewhere can
/// shadow one. A command-line build parses fresh trees and never hits the cache. (Not checked: a
/// new source type named like a property's type, <c>String</c> or <c>Boolean</c>, which would change
/// whether an input is settable or a flag; the same as before.)
/// </remarks>
internal static class ParsedChecklistCache
{
    private static ConditionalWeakTable<SyntaxNode, Entry> _entries = new();

    private sealed class Entry
    {
        public Entry(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ImmutableArray<string> names, LookupFacts.CompilationFacts facts, string baseChains, ChecklistSpec? spec)
        {
            Trees = trees;
            References = references;
            Names = names;
            Facts = facts;
            BaseChains = baseChains;
            Spec = spec;
        }

        public ImmutableArray<SyntaxTree> Trees { get; }
        public ImmutableArray<MetadataReference> References { get; }
        public ImmutableArray<string> Names { get; }
        public LookupFacts.CompilationFacts Facts { get; }
        public string BaseChains { get; }
        public ChecklistSpec? Spec { get; }
    }

    /// <summary>The cached spec for <paramref name="node"/>, when it is still what parsing would give.</summary>
    public static bool TryGet(SyntaxNode node, INamedTypeSymbol type, Compilation compilation, out ChecklistSpec? spec)
    {
        spec = null;
        try
        {
            return TryGetChecked(node, type, compilation, out spec);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return false; // a surprise in the checks costs a reading, never the checklist
        }
    }

    private static bool TryGetChecked(SyntaxNode node, INamedTypeSymbol type, Compilation compilation, out ChecklistSpec? spec)
    {
        spec = null;
        if (!_entries.TryGetValue(node, out var entry)
            || !entry.Trees.SequenceEqual(DeclaringTrees(type))
            || !SameReferences(entry.References, compilation.ExternalReferences)
            || !entry.Facts.SameAs(LookupFacts.Of(compilation))
            || DeclaresAny(compilation, entry.Names)
            || LookupFacts.BaseChains(type) != entry.BaseChains)
            return false;
        spec = entry.Spec;
        return true;
    }

    /// <summary>Keeps a spec read entirely from syntax, if no source type could shadow a name it looked up.</summary>
    public static void Add(SyntaxNode node, INamedTypeSymbol type, Compilation compilation, IEnumerable<string> lookedUp, ChecklistSpec? spec)
    {
        try
        {
            AddChecked(node, type, compilation, lookedUp, spec);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // Not kept: the next compilation reads the checklist again.
        }
    }

    private static void AddChecked(SyntaxNode node, INamedTypeSymbol type, Compilation compilation, IEnumerable<string> lookedUp, ChecklistSpec? spec)
    {
        if (node is not TypeDeclarationSyntax declaration || LookupFacts.BaseChains(type) is not { } baseChains)
            return;
        // The directives' identifiers too: a source type so named could change what a using binds to.
        var facts = LookupFacts.Of(compilation);
        var identifiers = new List<string>();
        LookupFacts.LocalScope(declaration, identifiers);
        var names = lookedUp.SelectMany(name => new[] { name, name + "Attribute" })
            .Concat(new[] { "StepContext", "Task" })
            .Concat(identifiers)
            .Concat(facts.Identifiers)
            .Distinct()
            .ToImmutableArray();
        if (DeclaresAny(compilation, names))
            return;
        var entry = new Entry(DeclaringTrees(type).ToImmutableArray(), compilation.ExternalReferences, names, facts, baseChains, spec);
        _entries.Remove(node);
        _entries.Add(node, entry);
    }

    /// <summary>Forgets everything: what a full run (a command-line build) sees. For benchmarks and tests.</summary>
    internal static void Clear()
    {
        _entries = new ConditionalWeakTable<SyntaxNode, Entry>();
        AttributeNameCache.Clear();
    }

    /// <summary>
    /// Whether source declares a type with one of these names. The assembly's type-name set is
    /// computed once per compilation; ContainsSymbolsWithName walks every declaration per call.
    /// </summary>
    internal static bool DeclaresAny(Compilation compilation, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
            return false;
        var declared = compilation.Assembly.TypeNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (declared.Contains(names[i]))
                return true;
        }
        return false;
    }

    private static IEnumerable<SyntaxTree> DeclaringTrees(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            foreach (var reference in t.DeclaringSyntaxReferences)
                yield return reference.SyntaxTree;
        }
    }

    internal static bool SameReferences(ImmutableArray<MetadataReference> cached, ImmutableArray<MetadataReference> current)
    {
        if (cached == current)
            return true;
        if (cached.Length != current.Length)
            return false;
        for (var i = 0; i < cached.Length; i++)
        {
            if (!ReferenceEquals(cached[i], current[i]))
                return false;
        }
        return true;
    }
}
