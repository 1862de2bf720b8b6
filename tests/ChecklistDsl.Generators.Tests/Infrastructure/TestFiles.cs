using System.Runtime.CompilerServices;

namespace ChecklistDsl.Generators.Tests.Infrastructure;

/// <summary>Files of this test project: checklist inputs and baselines.</summary>
internal static class TestFiles
{
    /// <summary>The test project's source folder, where baselines are written when UPDATE_BASELINES=1.</summary>
    public static string ProjectDirectory() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, ".."));

    private static string ThisFile([CallerFilePath] string path = "") => path;

    public static string Input(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", name));

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>
    /// The repository root (the folder holding ChecklistDsl.sln), found from the test binaries: CI
    /// builds map source paths to /_/, so the caller's file path does not lead there.
    /// </summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChecklistDsl.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("ChecklistDsl.sln not found above " + AppContext.BaseDirectory);
    }

    public static bool UpdateBaselines => Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1";
}
