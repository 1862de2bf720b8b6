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
        if (type is null || type.TypeKind == TypeKind.Error || type.ContainingType is not null)
            return false;
        // "ChecklistDsl.StepAttribute": compare name and namespace in place. This runs for every
        // attribute of every member of every checklist; display strings here cost seconds at 1,000 checklists.
        var dot = metadataName.LastIndexOf('.');
        var name = type.Name;
        return name.Length == metadataName.Length - dot - 1
            && string.CompareOrdinal(name, 0, metadataName, dot + 1, name.Length) == 0
            && IsNamespace(type.ContainingNamespace, metadataName, dot);
    }

    /// <summary>Whether <paramref name="ns"/> is the dotted name <c>name[0..length)</c>, compared part by part, innermost first.</summary>
    private static bool IsNamespace(INamespaceSymbol? ns, string name, int length)
    {
        var end = length;
        while (ns is not null && !ns.IsGlobalNamespace)
        {
            if (end <= 0)
                return false; // the symbol's namespace has more parts than the name
            var start = name.LastIndexOf('.', end - 1) + 1;
            var part = ns.Name;
            if (part.Length != end - start || string.CompareOrdinal(part, 0, name, start, part.Length) != 0)
                return false;
            end = start - 1; // -1 once the outermost part matched
            ns = ns.ContainingNamespace;
        }
        return ns is not null && end == -1;
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
