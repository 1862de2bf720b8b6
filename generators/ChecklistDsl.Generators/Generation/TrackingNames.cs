namespace ChecklistDsl.Generators.Generation;

/// <summary>The names of the generator's pipeline steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string Checklists = nameof(Checklists);
    public const string Generatable = nameof(Generatable);
    public const string CatalogEntries = nameof(CatalogEntries);
    public const string Catalog = nameof(Catalog);

    public static readonly string[] All = { Checklists, Generatable, CatalogEntries, Catalog };
}
