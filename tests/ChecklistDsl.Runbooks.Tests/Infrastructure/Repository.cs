namespace ChecklistDsl.Runbooks.Tests.Infrastructure;

/// <summary>The committed runbooks and the built seed checklists.</summary>
internal static class Repository
{
    /// <summary>The committed runbooks.</summary>
    public static string RunbooksFolder => RepositoryRoot.Combine("docs", "runbooks");

    /// <summary>The built checklists assembly, copied next to the tests.</summary>
    public static string ChecklistsAssembly => typeof(Checklists.DeploySafelyToProduction).Assembly.Location;

    /// <summary>The seed checklists' definitions, from the generated catalog.</summary>
    public static IReadOnlyList<ChecklistDefinition> Definitions { get; } =
        ChecklistCatalog.FromAssembly(typeof(Checklists.DeploySafelyToProduction).Assembly);

    /// <summary>Whether this run is CI's (where what CI needs must be there, not skipped).</summary>
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") == "true";
}
