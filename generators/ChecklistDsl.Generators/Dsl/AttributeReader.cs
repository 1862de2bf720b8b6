using System.Collections.Generic;
using System.Linq;
using ChecklistDsl.Generators.Common;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>
/// Tells DSL attributes from others by their type, compared in place (their arguments are read by
/// <see cref="DslAttribute"/>).
/// </summary>
internal static class AttributeReader
{
    public static bool Is(AttributeData attribute, string metadataName) => Is(attribute.AttributeClass, metadataName);

    /// <summary>Whether <paramref name="type"/> is the top-level type <paramref name="metadataName"/>.</summary>
    public static bool Is(INamedTypeSymbol? type, string metadataName)
    {
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

    /// <summary>The metadata name of a member-level DSL attribute class, or null for any other type.</summary>
    public static string? DslMemberAttribute(INamedTypeSymbol? type) =>
        type is not null && KnownNames.MemberAttributes.TryGetValue(type.Name, out var name) && Is(type, name) ? name : null;

    public static AttributeData? Find(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().FirstOrDefault(a => Is(a, metadataName));

    public static IEnumerable<AttributeData> FindAll(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Where(a => Is(a, metadataName));
}
