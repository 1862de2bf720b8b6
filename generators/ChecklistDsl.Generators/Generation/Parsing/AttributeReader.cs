using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Generation.Parsing;

/// <summary>
/// Reads DSL attribute arguments defensively: a missing, mistyped or erroneous argument reads as
/// absent, never as an exception.
/// </summary>
internal static class AttributeReader
{
    public static bool Is(AttributeData attribute, string metadataName)
    {
        var type = attribute.AttributeClass;
        if (type is null || type.TypeKind == TypeKind.Error)
            return false;
        // "ChecklistDsl.StepAttribute": compare name and namespace without building display strings.
        var dot = metadataName.LastIndexOf('.');
        return type.Name == metadataName.Substring(dot + 1)
            && type.ContainingType is null
            && type.ContainingNamespace?.ToDisplayString() == metadataName.Substring(0, dot);
    }

    public static AttributeData? Find(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().FirstOrDefault(a => Is(a, metadataName));

    public static IEnumerable<AttributeData> FindAll(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Where(a => Is(a, metadataName));

    /// <summary>The string constructor argument at <paramref name="index"/>, or null.</summary>
    public static string? String(AttributeData attribute, int index)
    {
        var args = attribute.ConstructorArguments;
        if (index >= args.Length)
            return null;
        var arg = args[index];
        return arg.Kind == TypedConstantKind.Primitive ? arg.Value as string : null;
    }

    /// <summary>The strings of a <c>params string[]</c> constructor argument, blanks dropped, trimmed.</summary>
    public static IEnumerable<string> Strings(AttributeData attribute)
    {
        foreach (var arg in attribute.ConstructorArguments)
        {
            if (arg.Kind == TypedConstantKind.Array && !arg.IsNull)
            {
                foreach (var item in arg.Values)
                {
                    if (item.Kind == TypedConstantKind.Primitive && item.Value is string text && text.Trim().Length > 0)
                        yield return text.Trim();
                }
            }
            else if (arg.Kind == TypedConstantKind.Primitive && arg.Value is string single && single.Trim().Length > 0)
            {
                yield return single.Trim();
            }
        }
    }

    public static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Kind == TypedConstantKind.Primitive)
                return pair.Value.Value as string;
        }
        return null;
    }

    public static bool NamedBool(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Kind == TypedConstantKind.Primitive && pair.Value.Value is bool value)
                return value;
        }
        return false;
    }
}
