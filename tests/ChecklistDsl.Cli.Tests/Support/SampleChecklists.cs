using System.Diagnostics;
using RepositoryRoot = ChecklistDsl.Tests.Shared.RepositoryRoot;

namespace ChecklistDsl.Cli.Tests.Support;

/// <summary>
/// tests/Fixtures/SampleChecklists, built once per test run (it is not referenced: the CLI loads it
/// the way it loads any checklists assembly).
/// </summary>
[TestClass]
public static class SampleChecklists
{
    private static string? _assemblyPath;

    public static string ProjectFolder => RepositoryRoot.Combine("tests", "Fixtures", "SampleChecklists");

    /// <summary>The built SampleChecklists.dll.</summary>
    public static string AssemblyPath => _assemblyPath ?? throw new InvalidOperationException("The fixture is not built.");

    [AssemblyInitialize]
    public static void Build(TestContext context)
    {
        _ = context;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "msbuild", Path.Combine(ProjectFolder, "SampleChecklists.csproj"), "-restore", "-t:Build", "-nologo", "-v:q", "-getProperty:TargetPath" },
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Building the SampleChecklists fixture took more than 3 minutes.");
        }
        Assert.AreEqual(0, process.ExitCode, $"The SampleChecklists fixture did not build:\n{output}\n{errors.Result}");
        _assemblyPath = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Last();
        Assert.IsTrue(File.Exists(_assemblyPath), _assemblyPath);
    }
}
