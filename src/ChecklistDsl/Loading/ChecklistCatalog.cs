using System.Reflection;

namespace ChecklistDsl;

/// <summary>Reads the generated catalog of an assembly.</summary>
public static class ChecklistCatalog
{
    /// <summary>
    /// Every checklist the generator found in <paramref name="assembly"/>, in name order; empty when the
    /// assembly has none.
    /// </summary>
    public static IReadOnlyList<ChecklistDefinition> FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var marker = assembly.GetCustomAttribute<ChecklistCatalogAttribute>();
        if (marker is null)
            return [];
        var all = marker.CatalogType.GetProperty("All", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"The checklist catalog '{marker.CatalogType.FullName}' has no static 'All' property.");
        return (IReadOnlyList<ChecklistDefinition>)(all.GetValue(null)
            ?? throw new InvalidOperationException($"The checklist catalog '{marker.CatalogType.FullName}' returned null."));
    }
}
