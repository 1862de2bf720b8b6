using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>
/// What each attribute spelling means in a class (<see cref="SyntaxAttributeReader"/>'s name lookups),
/// kept across compilations while nothing that could change the answer has changed.
/// </summary>
/// <remarks>
/// Why: after a one-class edit the edited checklist is read again in a new compilation, whose lookup
/// caches are empty, so each of its dozen <c>LookupNamespacesAndTypes</c> calls starts cold (what that
/// costs and saves: docs/performance.md, row 3).
/// An answer is reused only when, against the compilation it was found in: the references are the same
/// instances, and the options, assembly name and the file's parse options are equal; the file's own
/// using and extern alias directives, those of each enclosing namespace, the namespaces' names and the
/// enclosing type declarations read the same (<see cref="LookupFacts.LocalScope"/>); every global
/// using and file-level extern alias in the compilation reads the same, and the same namespaces are
/// declared in source (<see cref="LookupFacts.Of"/>); the base classes of the class and its containing
/// types are the same types (<see cref="LookupFacts.BaseChains"/>); and no source type is named like
/// the spelling, the spelling plus "Attribute", or any identifier of the directives in scope, then or
/// now (<see cref="ParsedChecklistCache.DeclaresAny"/>). Anything else falls back to the lookup. Only
/// strings, the references and the parse options are kept; the entries live as long as the
/// compilation options they were found with (what an IDE keeps per project).
/// </remarks>
internal static class AttributeNameCache
{
    private const int MaxEntries = 10_000;

    private static ConditionalWeakTable<CompilationOptions, ConcurrentDictionary<string, Entry>> _byOptions = new();

    /// <summary>Lookups made and answers reused, for tests (observed, not timed).</summary>
    internal static int LookupsForTesting;
    internal static int ReusedForTesting;

    /// <summary>The answers for one class declaration's scope, with what they were found against.</summary>
    internal sealed class Entry
    {
        private readonly ImmutableArray<MetadataReference> _references;
        private readonly string? _assemblyName;
        private readonly ParseOptions _parseOptions;
        private readonly string _localScope;
        private readonly string _baseChains;
        private readonly LookupFacts.CompilationFacts _facts;
        private readonly ConcurrentDictionary<string, Answer> _answers = new(System.StringComparer.Ordinal);

        public Entry(Compilation compilation, ParseOptions parseOptions, string localScope, string baseChains, LookupFacts.CompilationFacts facts)
        {
            _references = compilation.ExternalReferences;
            _assemblyName = compilation.AssemblyName;
            _parseOptions = parseOptions;
            _localScope = localScope;
            _baseChains = baseChains;
            _facts = facts;
        }

        public bool Matches(Compilation compilation, ParseOptions parseOptions, string localScope, string baseChains, LookupFacts.CompilationFacts facts) =>
            _localScope == localScope
            && _baseChains == baseChains
            && _assemblyName == compilation.AssemblyName
            && (ReferenceEquals(_parseOptions, parseOptions) || _parseOptions.Equals(parseOptions))
            && ParsedChecklistCache.SameReferences(_references, compilation.ExternalReferences)
            && _facts.SameAs(facts);

        /// <summary>The kept answer for <paramref name="spelling"/>, unless a source type is now named like it.</summary>
        public bool TryGet(Compilation compilation, string spelling, out string resolved)
        {
            if (_answers.TryGetValue(spelling, out var answer) && !ParsedChecklistCache.DeclaresAny(compilation, answer.Names))
            {
                Interlocked.Increment(ref ReusedForTesting);
                resolved = answer.Resolved;
                return true;
            }
            resolved = "";
            return false;
        }

        /// <summary>Keeps an answer found by lookup, unless a source type is named like the spelling (it may be what was found).</summary>
        public void Add(Compilation compilation, string spelling, string resolved)
        {
            var names = ImmutableArray.Create(spelling, spelling + "Attribute");
            if (!ParsedChecklistCache.DeclaresAny(compilation, names))
                _answers[spelling] = new Answer(names, resolved);
        }
    }

    private sealed class Answer
    {
        public Answer(ImmutableArray<string> names, string resolved)
        {
            Names = names;
            Resolved = resolved;
        }

        public ImmutableArray<string> Names { get; }

        /// <summary>The reader's answer: a DSL metadata name, or its markers for another attribute and for undecided (kept as the same instances).</summary>
        public string Resolved { get; }
    }

    /// <summary>
    /// The entry for <paramref name="scope"/> (whose symbol is <paramref name="type"/>) in
    /// <paramref name="compilation"/>: the kept one while it still holds, else a new empty one; null when
    /// the scope cannot be cached (an interface or an unresolved base in the chain, a directive naming a source type).
    /// </summary>
    public static Entry? For(Compilation compilation, TypeDeclarationSyntax scope, INamedTypeSymbol type)
    {
        try
        {
            return Find(compilation, scope, type);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return null; // a surprise here costs the lookups, never the reading
        }
    }

    private static Entry? Find(Compilation compilation, TypeDeclarationSyntax scope, INamedTypeSymbol type)
    {
        if (LookupFacts.BaseChains(type) is not { } baseChains)
            return null;
        var identifiers = new List<string>();
        var localScope = LookupFacts.LocalScope(scope, identifiers);
        var facts = LookupFacts.Of(compilation);
        // A source type named like a namespace or type a directive names could change what it binds to.
        if (ParsedChecklistCache.DeclaresAny(compilation, identifiers) || ParsedChecklistCache.DeclaresAny(compilation, facts.Identifiers))
            return null;
        var parseOptions = scope.SyntaxTree.Options;
        var entries = _byOptions.GetValue(compilation.Options, _ => new ConcurrentDictionary<string, Entry>(System.StringComparer.Ordinal));
        var key = scope.SyntaxTree.FilePath + "\0" + TypeChain(scope);
        if (entries.TryGetValue(key, out var entry) && entry.Matches(compilation, parseOptions, localScope, baseChains, facts))
            return entry;
        if (entries.Count >= MaxEntries)
            entries.Clear(); // stale keys (renamed files or classes) must not pile up
        entry = new Entry(compilation, parseOptions, localScope, baseChains, facts);
        entries[key] = entry;
        return entry;
    }

    /// <summary>Forgets everything (with <see cref="ParsedChecklistCache.Clear"/>): what a full run sees.</summary>
    internal static void Clear() => _byOptions = new ConditionalWeakTable<CompilationOptions, ConcurrentDictionary<string, Entry>>();

    /// <summary>The names of the type declaration and those around it, innermost first (what finds the entry; not what validates it).</summary>
    private static string TypeChain(TypeDeclarationSyntax scope)
    {
        var text = new StringBuilder();
        for (SyntaxNode? node = scope; node is TypeDeclarationSyntax type; node = node.Parent)
            text.Append(type.Identifier.ValueText).Append('`').Append(type.Arity).Append('.');
        return text.ToString();
    }
}
