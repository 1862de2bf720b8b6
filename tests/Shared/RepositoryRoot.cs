namespace ChecklistDsl.Tests.Shared;

/// <summary>
/// The repository's root folder (the one holding ChecklistDsl.sln), found from the test binaries:
/// CI builds map source paths to /_/, so a caller's file path does not lead there.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "ChecklistDsl.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("The tests run outside the repository: no ChecklistDsl.sln above " + AppContext.BaseDirectory);
    }
}
