namespace ChecklistDsl.Runbooks.Tests.Infrastructure;

/// <summary>Paths of the repository and of the built seed checklists.</summary>
internal static class Repository
{
    /// <summary>The repository root (the folder holding ChecklistDsl.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The committed runbooks.</summary>
    public static string RunbooksFolder => Path.Combine(Root, "docs", "runbooks");

    /// <summary>The built checklists assembly, copied next to the tests.</summary>
    public static string ChecklistsAssembly => typeof(Checklists.DeploySafelyToProduction).Assembly.Location;

    /// <summary>The seed checklists' definitions, from the generated catalog.</summary>
    public static IReadOnlyList<ChecklistDefinition> Definitions { get; } =
        ChecklistCatalog.FromAssembly(typeof(Checklists.DeploySafelyToProduction).Assembly);

    /// <summary>Whether this run is CI's (where what CI needs must be there, not skipped).</summary>
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") == "true";

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChecklistDsl.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("The tests run outside the repository: no ChecklistDsl.sln above " + AppContext.BaseDirectory);
    }
}
