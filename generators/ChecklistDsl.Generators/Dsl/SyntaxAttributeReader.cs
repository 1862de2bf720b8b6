using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ChecklistDsl.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>
/// Reads the DSL attributes of a checklist's members from their syntax: the attribute names are
/// resolved once per class declaration (a name lookup, not a binding), and literal arguments are read
/// as written. A member whose DSL attributes are written any other way (a constant's name, an
/// interpolation, a qualified or ambiguous attribute name) is read from the compiler's attribute data
/// instead, with the same answers.
/// </summary>
/// <remarks>
/// Why: binding every attribute of every member (<see cref="ISymbol.GetAttributes"/>) was most of the
/// generator's cost, and Roslyn re-runs this transform for every checklist on every compilation change.
/// The DSL's arguments are literals in practice, and a literal needs no binding.
/// </remarks>
internal sealed class SyntaxAttributeReader
{
    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<(TypeDeclarationSyntax Scope, string Spelling), string> _resolved = new();
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly Dictionary<TypeDeclarationSyntax, AttributeNameCache.Entry?> _kept = new();
    private readonly bool _symbolsOnly;

    /// <summary>Marks a spelling that cannot be resolved by lookup alone (the member is read from symbols).</summary>
    private const string Undecided = "?";

    /// <summary>Marks a spelling that names some other attribute.</summary>
    private const string Foreign = "";

    /// <param name="compilation">The compilation the members belong to.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <param name="symbolsOnly">Read every member from symbols: the reference the tests hold the syntax reading to.</param>
    public SyntaxAttributeReader(Compilation compilation, CancellationToken cancellationToken, bool symbolsOnly = false)
    {
        _compilation = compilation;
        _cancellationToken = cancellationToken;
        _symbolsOnly = symbolsOnly;
    }

    /// <summary>Whether every DSL attribute read so far came from the class's own syntax (what lets the reading be kept).</summary>
    public bool AllFromSyntax { get; private set; } = true;

    /// <summary>The attribute names looked up so far (what a new type elsewhere could shadow).</summary>
    public IEnumerable<string> LookedUp => _resolved.Keys.Select(key => key.Spelling).Distinct();

    /// <summary>Whether the class's <c>[Checklist]</c> arguments are literals (nothing outside the class decides them).</summary>
    public bool IsLiteral(AttributeData checklist, INamedTypeSymbol type) =>
        checklist.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is AttributeSyntax syntax
        && ReadArguments(KnownNames.Checklist, syntax.ArgumentList, ConstantsOf(type)) is not null;

    /// <summary>The DSL attributes of <paramref name="member"/> (a method or property), in source order.</summary>
    public IReadOnlyList<DslAttribute> Read(ISymbol member)
    {
        var fromSyntax = member.DeclaringSyntaxReferences.Length == 1 && !_symbolsOnly ? FromSyntax(member) : null;
        if (fromSyntax is not null)
            return fromSyntax;
        AllFromSyntax = false;
        return FromSymbol(member);
    }

    /// <summary>
    /// The DSL attributes of a member declared outside the class's own files (a base class from a
    /// reference), from the compiler's attribute data; the references are part of what a cached
    /// reading is checked against, so this does not stop it from being kept.
    /// </summary>
    public IReadOnlyList<DslAttribute> ReadFromSymbol(ISymbol member) => FromSymbol(member);

    /// <summary>The reading looked at a declaration in another file (a base class in source): it cannot be kept with the class's own.</summary>
    public void DependsOnOtherDeclarations() => AllFromSyntax = false;

    private static IReadOnlyList<DslAttribute> FromSymbol(ISymbol member)
    {
        var result = new List<DslAttribute>();
        foreach (var data in member.GetAttributes())
        {
            if (AttributeReader.DslMemberAttribute(data.AttributeClass) is { } name)
                result.Add(DslAttribute.FromData(data, name));
        }
        return result;
    }

    private List<DslAttribute>? FromSyntax(ISymbol member)
    {
        var syntax = member.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
        var (lists, target) = syntax switch
        {
            MethodDeclarationSyntax { TypeParameterList: null, ExplicitInterfaceSpecifier: null } method
                when !method.Modifiers.Any(SyntaxKind.PartialKeyword) => (method.AttributeLists, "method"),
            PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null } property => (property.AttributeLists, "property"),
            _ => (default(SyntaxList<AttributeListSyntax>), null),
        };
        if (target is null || syntax.Parent is not TypeDeclarationSyntax scope)
            return null;

        var result = new List<DslAttribute>();
        foreach (var list in lists)
        {
            // [return: Step] or [field: Input] belong to something else; so do invalid targets (CS0657).
            if (list.Target is { } specifier && specifier.Identifier.ValueText != target)
                continue;
            foreach (var attribute in list.Attributes)
            {
                var name = Resolve(scope, member.ContainingType, attribute.Name);
                if (name is null)
                    continue;
                if (ReferenceEquals(name, Undecided))
                    return null;
                var read = ReadArguments(name, attribute.ArgumentList, ConstantsOf(member.ContainingType));
                if (read is null)
                    return null;
                read.Source = attribute;
                result.Add(read);
            }
        }
        return result;
    }

    /// <summary>The DSL metadata name an attribute spelling means in a class, null for another attribute, or <see cref="Undecided"/>.</summary>
    private string? Resolve(TypeDeclarationSyntax scope, INamedTypeSymbol type, NameSyntax name)
    {
        if (name is not IdentifierNameSyntax identifier)
        {
            // Qualified ([System.Obsolete]) or alias-qualified: only a DSL type name can reach a DSL
            // attribute this way (an alias is a simple name), and those are rare enough to bind.
            var last = name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                _ => null,
            };
            return last is not null && !KnownNames.IsDslMemberAttributeName(last) ? null : Undecided;
        }
        var spelling = identifier.Identifier.ValueText;
        if (!_resolved.TryGetValue((scope, spelling), out var resolved))
        {
            var kept = KeptAnswers(scope, type);
            if (kept is null || !kept.TryGet(_compilation, spelling, out resolved))
            {
                resolved = Lookup(scope, spelling);
                kept?.Add(_compilation, spelling, resolved);
            }
            _resolved.Add((scope, spelling), resolved);
        }
        return resolved.Length == 0 ? null : resolved;
    }

    /// <summary>The answers kept from earlier compilations for this scope (<see cref="AttributeNameCache"/>), looked up once per scope.</summary>
    private AttributeNameCache.Entry? KeptAnswers(TypeDeclarationSyntax scope, INamedTypeSymbol type)
    {
        if (!_kept.TryGetValue(scope, out var entry))
        {
            entry = AttributeNameCache.For(_compilation, scope, type);
            _kept.Add(scope, entry);
        }
        return entry;
    }

    /// <summary>
    /// C#'s attribute name lookup: <c>[X]</c> finds an attribute class named <c>XAttribute</c> or
    /// <c>X</c>. When both exist the compiler reports CS1614 and the build fails whatever is generated,
    /// so the second lookup is made only when the first finds nothing (half the lookups).
    /// </summary>
    private string Lookup(TypeDeclarationSyntax scope, string spelling)
    {
        Interlocked.Increment(ref AttributeNameCache.LookupsForTesting);
        var model = Model(scope.SyntaxTree);
        var position = scope.OpenBraceToken.Span.End;
        var type = AttributeClass(model.LookupNamespacesAndTypes(position, name: spelling + "Attribute"), out var undecided);
        if (type is null && !undecided)
            type = AttributeClass(model.LookupNamespacesAndTypes(position, name: spelling), out undecided);
        if (undecided)
            return Undecided;
        return type is null ? Foreign : AttributeReader.DslMemberAttribute(type) ?? Foreign;
    }

    private INamedTypeSymbol? AttributeClass(System.Collections.Immutable.ImmutableArray<ISymbol> found, out bool undecided)
    {
        undecided = found.Length > 1;
        // using Alias = ChecklistDsl.StepAttribute; [Alias] means the alias's target.
        var symbol = found.Length == 1 && found[0] is IAliasSymbol alias ? alias.Target : found.FirstOrDefault();
        if (found.Length != 1 || symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type)
            return null;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            // By name: GetTypeByMetadataName("System.Attribute") is null when several references define it.
            if (t is { Name: "Attribute", ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
                return type;
        }
        return null;
    }

    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, string?>> _constants = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The class's own <c>const string</c> fields whose value is a plain literal (null: declared twice,
    /// or not a literal), by name: the seeds name shared reasons (<c>NoRollback(DerivedData)</c>).
    /// </summary>
    private Dictionary<string, string?> ConstantsOf(INamedTypeSymbol type)
    {
        if (_constants.TryGetValue(type, out var constants))
            return constants;
        constants = new Dictionary<string, string?>(System.StringComparer.Ordinal);
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellationToken) is not TypeDeclarationSyntax declaration)
                continue;
            foreach (var field in declaration.Members.OfType<FieldDeclarationSyntax>())
            {
                if (!field.Modifiers.Any(SyntaxKind.ConstKeyword))
                    continue;
                var isString = field.Declaration.Type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword };
                foreach (var variable in field.Declaration.Variables)
                {
                    var value = isString && variable.Initializer?.Value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
                        ? literal.Token.ValueText
                        : null;
                    var name = variable.Identifier.ValueText;
                    constants[name] = constants.ContainsKey(name) ? null : value;
                }
            }
        }
        _constants.Add(type, constants);
        return constants;
    }

    private SemanticModel Model(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out var model))
        {
            model = _compilation.GetSemanticModel(tree);
            _models.Add(tree, model);
        }
        return model;
    }

    /// <summary>What each DSL attribute's constructors take: the shape literal arguments must fit.</summary>
    private enum Parameters { None, OptionalString, String, TwoStrings, OneOrTwoStrings, ParamsStrings }

    /// <summary>What a settable property of a DSL attribute holds.</summary>
    private enum Named { Unknown, String, Bool, Int }

    private static Parameters ShapeOf(string name) => name switch
    {
        KnownNames.Checklist or KnownNames.Step or KnownNames.Rollback or KnownNames.Input or KnownNames.Secret => Parameters.OptionalString,
        KnownNames.Backup or KnownNames.Modifies or KnownNames.Destroys or KnownNames.Verifies => Parameters.ParamsStrings,
        KnownNames.AssumeSafe => Parameters.TwoStrings,
        KnownNames.When => Parameters.OneOrTwoStrings,
        _ => Parameters.String, // Section, Check, Command, Approval, RollbackWith, NoRollback, WaitUntil
    };

    /// <summary>The settable properties and what they hold.</summary>
    private static Named NamedKind(string attribute, string property) => (attribute, property) switch
    {
        (KnownNames.Step, "Purpose" or "Instructions" or "Timeout") => Named.String,
        (KnownNames.Step, "Optional") => Named.Bool,
        (KnownNames.Checklist, "Summary" or "Owner" or "Environment") => Named.String,
        (KnownNames.Rollback, "Instructions") => Named.String,
        (KnownNames.Backup, "Verified" or "OffSite") => Named.Bool,
        (KnownNames.Command, "RetryDelay") => Named.String,
        (KnownNames.Command, "Retries") => Named.Int,
        (KnownNames.WaitUntil, "Every" or "Timeout") => Named.String,
        (KnownNames.Approval, "AllowSelfApproval") => Named.Bool,
        (KnownNames.Approval, "Required") => Named.Int,
        _ => Named.Unknown,
    };

    /// <summary>The arguments, when every one is a literal that fits the attribute; else null.</summary>
    internal static DslAttribute? ReadArguments(string name, AttributeArgumentListSyntax? list, IReadOnlyDictionary<string, string?> constants)
    {
        var positional = new List<object?>();
        var named = new List<KeyValuePair<string, object?>>();
        foreach (var argument in list?.Arguments ?? default)
        {
            if (argument.NameColon is not null)
                return null;
            if (argument.NameEquals is { } equals)
            {
                var property = equals.Name.Identifier.ValueText;
                object? value = NamedKind(name, property) switch
                {
                    Named.Bool => argument.Expression.Kind() switch
                    {
                        SyntaxKind.TrueLiteralExpression => true,
                        SyntaxKind.FalseLiteralExpression => false,
                        _ => DslAttribute.Other,
                    },
                    Named.String => TryString(argument.Expression, constants, out var text) ? text : DslAttribute.Other,
                    // A plain int literal; anything else (a sign, a constant) is read from symbols.
                    Named.Int => argument.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: int number } ? number : DslAttribute.Other,
                    _ => DslAttribute.Other,
                };
                if (value == DslAttribute.Other)
                    return null;
                named.Add(new KeyValuePair<string, object?>(property, value));
                continue;
            }
            if (named.Count > 0 || !TryString(argument.Expression, constants, out var positionalText))
                return null;
            positional.Add(positionalText);
        }

        switch (ShapeOf(name))
        {
            case Parameters.OptionalString when positional.Count <= 1:
            case Parameters.String when positional.Count == 1:
            case Parameters.TwoStrings when positional.Count == 2:
            case Parameters.OneOrTwoStrings when positional.Count is 1 or 2:
                return new DslAttribute(name, positional, named);
            case Parameters.ParamsStrings when !positional.Contains(null):
                // The compiler passes params arguments as one array (a lone null would be the array itself).
                return new DslAttribute(name, new object?[] { positional.Select(p => (string?)p).ToArray() }, named);
            default:
                return null;
        }
    }

    /// <summary>A string literal (any kind but UTF-8), <c>null</c>, <c>nameof(x)</c>, or the name of one of the class's own string constants.</summary>
    private static bool TryString(ExpressionSyntax expression, IReadOnlyDictionary<string, string?> constants, out string? text)
    {
        switch (expression)
        {
            case IdentifierNameSyntax identifier when constants.TryGetValue(identifier.Identifier.ValueText, out var constant) && constant is not null:
                // A simple name in a member's attribute finds the class's own members first.
                text = constant;
                return true;
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal:
                text = literal.Token.ValueText;
                return true;
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression }:
                text = null;
                return true;
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: { Count: 1 } arguments }
                when NameofText(arguments[0].Expression) is { } name:
                text = name;
                return true;
            default:
                text = null;
                return false;
        }
    }

    /// <summary>What <c>nameof</c> gives: the last simple name, without type arguments.</summary>
    private static string? NameofText(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Name: IdentifierNameSyntax last } => last.Identifier.ValueText,
        _ => null,
    };
}
