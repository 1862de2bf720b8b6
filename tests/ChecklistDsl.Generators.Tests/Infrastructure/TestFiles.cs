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

    public static bool UpdateBaselines => Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1";
}
