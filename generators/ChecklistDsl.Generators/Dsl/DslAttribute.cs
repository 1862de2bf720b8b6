using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>
/// One DSL attribute on a member, with its arguments as values: read from syntax when they are
/// literals (<see cref="SyntaxAttributeReader"/>), or from the compiler's <see cref="AttributeData"/>.
/// Its rules for reading arguments are the only ones, for the generator and the analyzers alike.
/// </summary>
internal sealed class DslAttribute
{
    /// <summary>An argument that is neither a string, a string array, a bool nor an int (an error, or another type).</summary>
    internal static readonly object Other = new();

    public DslAttribute(string metadataName, IReadOnlyList<object?> arguments, IReadOnlyList<KeyValuePair<string, object?>> named)
    {
        MetadataName = metadataName;
        Arguments = arguments;
        Named = named;
    }

    /// <summary>Which DSL attribute: a <c>KnownNames</c> constant.</summary>
    public string MetadataName { get; }

    /// <summary>Constructor arguments: a string, a <c>string?[]</c> (params), null, or <see cref="Other"/>.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>Named arguments: a string, a bool, an int, null, or <see cref="Other"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Named { get; }

    public static DslAttribute FromData(AttributeData data, string metadataName)
    {
        var arguments = new List<object?>();
        foreach (var argument in data.ConstructorArguments)
            arguments.Add(Value(argument));
        var named = new List<KeyValuePair<string, object?>>();
        foreach (var pair in data.NamedArguments)
            named.Add(new KeyValuePair<string, object?>(pair.Key, Value(pair.Value)));
        return new DslAttribute(metadataName, arguments, named) { Source = data.ApplicationSyntaxReference };
    }

    /// <summary>
    /// Where it was written: its <see cref="AttributeSyntax"/> or a <see cref="SyntaxReference"/> to it
    /// (null when it comes from metadata). Only the analyzers ask (<see cref="Location"/>); the
    /// generator's model never holds it.
    /// </summary>
    internal object? Source { get; set; }

    /// <summary>The attribute's syntax, or null.</summary>
    public AttributeSyntax? Syntax(CancellationToken cancellationToken = default) => Source switch
    {
        AttributeSyntax syntax => syntax,
        SyntaxReference reference => reference.GetSyntax(cancellationToken) as AttributeSyntax,
        _ => null,
    };

    /// <summary>Where the attribute was written, or <see cref="Microsoft.CodeAnalysis.Location.None"/>.</summary>
    public Location Location => Source switch
    {
        AttributeSyntax syntax => syntax.GetLocation(),
        SyntaxReference reference => Location.Create(reference.SyntaxTree, reference.Span),
        _ => Location.None,
    };

    /// <summary>The attribute's short name, as written in source: "Command" for CommandAttribute.</summary>
    public string ShortName
    {
        get
        {
            var name = MetadataName.Substring(MetadataName.LastIndexOf('.') + 1);
            return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 9) : name;
        }
    }

    /// <summary>A compiler constant as this class holds arguments.</summary>
    internal static object? Value(TypedConstant constant)
    {
        if (constant.Kind == TypedConstantKind.Array)
        {
            if (constant.IsNull)
                return null;
            var items = new string?[constant.Values.Length];
            for (var i = 0; i < items.Length; i++)
                items[i] = constant.Values[i] is { Kind: TypedConstantKind.Primitive, Value: string text } ? text : null;
            return items;
        }
        if (constant.Kind != TypedConstantKind.Primitive)
            return Other;
        return constant.Value is null or string or bool or int ? constant.Value : Other;
    }

    /// <summary>The string constructor argument at <paramref name="index"/>, or null.</summary>
    public string? String(int index) => index < Arguments.Count ? Arguments[index] as string : null;

    /// <summary>The strings of a <c>params string[]</c> argument (or a single string), blanks dropped, trimmed.</summary>
    public IEnumerable<string> Strings() => Strings(Arguments);

    public string? NamedString(string name) => NamedString(Named, name);

    public bool NamedBool(string name) => NamedBool(Named, name);

    public int? NamedInt(string name) => NamedInt(Named, name);

    internal static IEnumerable<string> Strings(IEnumerable<object?> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument is string?[] items)
            {
                foreach (var item in items)
                {
                    if (item is not null && item.Trim().Length > 0)
                        yield return item.Trim();
                }
            }
            else if (argument is string single && single.Trim().Length > 0)
            {
                yield return single.Trim();
            }
        }
    }

    /// <summary>The first argument of that name that is not an array or <see cref="Other"/>, as a string (null for a bool or null).</summary>
    internal static string? NamedString(IEnumerable<KeyValuePair<string, object?>> named, string name)
    {
        foreach (var pair in named)
        {
            if (pair.Key == name && pair.Value is not string?[] && pair.Value != Other)
                return pair.Value as string;
        }
        return null;
    }

    internal static int? NamedInt(IEnumerable<KeyValuePair<string, object?>> named, string name)
    {
        foreach (var pair in named)
        {
            if (pair.Key == name && pair.Value is int value)
                return value;
        }
        return null;
    }

    internal static bool NamedBool(IEnumerable<KeyValuePair<string, object?>> named, string name)
    {
        foreach (var pair in named)
        {
            if (pair.Key == name && pair.Value is bool value)
                return value;
        }
        return false;
    }
}
