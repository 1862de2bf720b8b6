namespace ChecklistDsl;

/// <summary>
/// Generated once per assembly: names the type whose static <c>All</c> property lists every
/// checklist in the assembly. Tools find checklists through it, not by scanning attributes.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ChecklistCatalogAttribute : Attribute
{
    /// <summary>Names the catalog type.</summary>
    /// <param name="catalogType">A static class with a static <c>All</c> property.</param>
    public ChecklistCatalogAttribute(Type catalogType) => CatalogType = catalogType;

    /// <summary>The catalog type.</summary>
    public Type CatalogType { get; }
}
