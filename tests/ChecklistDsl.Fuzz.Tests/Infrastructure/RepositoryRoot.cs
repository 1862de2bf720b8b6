namespace ChecklistDsl.Fuzz.Tests.Infrastructure;

/// <summary>The repository's root folder, found from the test binaries' location.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ChecklistDsl.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("ChecklistDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
