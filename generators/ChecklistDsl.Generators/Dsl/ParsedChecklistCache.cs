using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using ChecklistDsl.Generators.Dsl.Model;
using Microsoft.CodeAnalysis;

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
/// every attribute was read from syntax (literals, the class's own literal constants); and no type
/// in source is named like anything the reading looked up (a DSL attribute, <c>StepContext</c>,
/// <c>Task</c>), so no new declaration elsewhere can shadow one. A command-line build parses fresh
/// trees and never hits the cache.
/// </remarks>
internal static class ParsedChecklistCache
{
    private static ConditionalWeakTable<SyntaxNode, Entry> _entries = new();

    private sealed class Entry
    {
        public Entry(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ImmutableArray<string> names, ChecklistSpec? spec)
        {
            Trees = trees;
            References = references;
            Names = names;
            Spec = spec;
        }

        public ImmutableArray<SyntaxTree> Trees { get; }
        public ImmutableArray<MetadataReference> References { get; }
        public ImmutableArray<string> Names { get; }
        public ChecklistSpec? Spec { get; }
    }

    /// <summary>The cached spec for <paramref name="node"/>, when it is still what parsing would give.</summary>
    public static bool TryGet(SyntaxNode node, INamedTypeSymbol type, Compilation compilation, out ChecklistSpec? spec)
    {
        spec = null;
        if (!_entries.TryGetValue(node, out var entry)
            || !entry.Trees.SequenceEqual(DeclaringTrees(type))
            || !SameReferences(entry.References, compilation.ExternalReferences)
            || DeclaresAny(compilation, entry.Names))
            return false;
        spec = entry.Spec;
        return true;
    }

    /// <summary>Keeps a spec read entirely from syntax, if no source type could shadow a name it looked up.</summary>
    public static void Add(SyntaxNode node, INamedTypeSymbol type, Compilation compilation, IEnumerable<string> lookedUp, ChecklistSpec? spec)
    {
        var names = lookedUp.SelectMany(name => new[] { name, name + "Attribute" })
            .Concat(new[] { "StepContext", "Task" })
            .Distinct()
            .ToImmutableArray();
        if (DeclaresAny(compilation, names))
            return;
        var entry = new Entry(DeclaringTrees(type).ToImmutableArray(), compilation.ExternalReferences, names, spec);
        _entries.Remove(node);
        _entries.Add(node, entry);
    }

    /// <summary>Forgets everything: what a full run (a command-line build) sees. For benchmarks and tests.</summary>
    internal static void Clear() => _entries = new ConditionalWeakTable<SyntaxNode, Entry>();

    /// <summary>
    /// Whether source declares a type with one of these names. The assembly's type-name set is
    /// computed once per compilation; ContainsSymbolsWithName walks every declaration per call.
    /// </summary>
    private static bool DeclaresAny(Compilation compilation, ImmutableArray<string> names)
    {
        var declared = compilation.Assembly.TypeNames;
        foreach (var name in names)
        {
            if (declared.Contains(name))
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

    private static bool SameReferences(ImmutableArray<MetadataReference> cached, ImmutableArray<MetadataReference> current)
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
