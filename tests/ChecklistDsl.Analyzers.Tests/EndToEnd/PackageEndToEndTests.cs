using System.IO.Compression;
using ChecklistDsl.Analyzers.Tests.Infrastructure;
using ChecklistDsl.CodeFixes;

namespace ChecklistDsl.Analyzers.Tests.EndToEnd;

/// <summary>
/// Packs ChecklistDsl once, then builds small consumer projects against the package from a local
/// folder feed with real `dotnet` processes. Slow: run alone with --filter TestCategory=EndToEnd.
/// </summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class PackageEndToEndTests
{
    private static string _root = "";
    private static string _feed = "";
    private static string _version = "";
    private static Dictionary<string, string> _environment = new();

    [ClassInitialize]
    public static async Task PackAsync(TestContext context)
    {
        _ = context;
        _root = Directory.CreateTempSubdirectory("checklistdsl-e2e-").FullName;
        _feed = Path.Combine(_root, "feed");
        // A unique version and a fresh package folder: no stale copy from an earlier run is used.
        _version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];
        _environment = new() { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") };
        var pack = await DotNetProcess.RunAsync(RepositoryRoot.Path, null,
            "pack", RepositoryRoot.Combine("src", "ChecklistDsl", "ChecklistDsl.csproj"),
            "-c", "Release", "-o", _feed, "-p:PackageVersion=" + _version, "--disable-build-servers");
        Assert.AreEqual(0, pack.ExitCode, "dotnet pack failed:\n" + pack);
    }

    [ClassCleanup]
    public static void DeleteTemporaryFiles()
    {
        if (_root.Length > 0 && Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [TestMethod]
    public async Task Packed_package_holds_the_library_and_analyzers_and_a_consumer_runs_its_generated_code()
    {
        using (var package = ZipFile.OpenRead(Path.Combine(_feed, $"ChecklistDsl.{_version}.nupkg")))
        {
            var entries = package.Entries.Select(e => e.FullName).ToHashSet();
            foreach (var expected in new[]
            {
                "lib/net10.0/ChecklistDsl.dll",
                "analyzers/dotnet/cs/ChecklistDsl.Generators.dll",
                "analyzers/dotnet/cs/ChecklistDsl.CodeFixes.dll",
                "analyzers/dotnet/cs/Humanizer.dll",
                "buildTransitive/ChecklistDsl.props",
                "buildTransitive/ChecklistDsl.targets",
                "tasks/net10.0/ChecklistDsl.Build.dll",
                "tasks/net10.0/ChecklistDsl.Runbooks.dll",
            })
            {
                Assert.Contains(expected, entries, "Package entries:\n" + string.Join("\n", entries.Order()));
            }
        }

        var project = Consumer("consumer", """
            using ChecklistDsl;

            Console.WriteLine(DeployConsumer.Markdown.Split('\n')[0]);
            Console.WriteLine(string.Join(",", Enum.GetNames<DeployConsumer.Step>()));
            Stateless.StateMachine<DeployConsumer.Step, DeployConsumer.Trigger> machine = DeployConsumer.CreateStateMachine(new ChecklistProgress(DeployConsumer.Definition));
            machine.Fire(DeployConsumer.Trigger.Start);
            Console.WriteLine(machine.GetType().Namespace + " machine in " + machine.State);

            [Checklist("Deploy the consumer")]
            public partial class DeployConsumer
            {
                [Step("Say hello")] void SayHello() { }
                [Step] void WaveGoodbye() { }
            }
            """);
        var run = await DotNetProcess.RunAsync(project, _environment, "run", "--disable-build-servers");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "# Deploy the consumer\n", run.ToString());
        StringAssert.Contains(run.Output, "SayHello,WaveGoodbye", run.ToString());
        StringAssert.Contains(run.Output, "Stateless machine in SayHello", run.ToString());

        // The build wrote the runbook and the index to runbooks/ in the output folder.
        var runbooks = Path.Combine(project, "bin", "Debug", "net10.0", "runbooks");
        StringAssert.StartsWith(File.ReadAllText(Path.Combine(runbooks, "deploy-consumer.md")), "# Deploy the consumer\n");
        StringAssert.Contains(File.ReadAllText(Path.Combine(runbooks, "README.md")), "[Deploy the consumer](deploy-consumer.md)");
    }

    [TestMethod]
    public async Task Unsafe_checklist_fails_the_build_with_CHK001_and_builds_green_after_the_code_fix()
    {
        var checklist = """
            using ChecklistDsl;

            [Checklist("Sync staging")]
            public partial class SyncStaging
            {
                [Step("Drop staging database"), Destroys("staging database")]
                void DropStagingDatabase() { }

                [Step("Check the site"), Verifies("site")]
                void CheckSite() { }
            }
            """;
        var project = Consumer("unsafe", "System.Console.WriteLine(SyncStaging.Markdown.Length > 0);\n", checklist);
        var red = await DotNetProcess.RunAsync(project, _environment, "build", "--disable-build-servers");
        Assert.AreNotEqual(0, red.ExitCode, "The unsafe plan built:\n" + red);
        StringAssert.Contains(red.Output, "error CHK001", red.ToString());
        StringAssert.Contains(red.Output, "add a [Backup(\"staging database\")] step before it", red.ToString());

        // What the IDE's code fix writes (checked here by the Roslyn test driver), then the build is green.
        var fixedChecklist = """
            using ChecklistDsl;

            [Checklist("Sync staging")]
            public partial class SyncStaging
            {
                [Step("Back up staging database")]
                [Backup("staging database")]
                void BackUpStagingDatabase() { }
                [Step("Drop staging database"), Destroys("staging database")]
                void DropStagingDatabase() { }

                [Step("Check the site"), Verifies("site")]
                void CheckSite() { }
            }
            """;
        await new ChecklistCodeFixTest<AddBackupStepCodeFix>
        {
            TestCode = checklist.Replace("Destroys(\"staging database\")]", "{|CHK001:Destroys(\"staging database\")|}]", StringComparison.Ordinal),
            FixedCode = fixedChecklist,
        }.RunAsync();
        await File.WriteAllTextAsync(Path.Combine(project, "Checklist.cs"), fixedChecklist);
        var green = await DotNetProcess.RunAsync(project, _environment, "build", "--disable-build-servers");
        Assert.AreEqual(0, green.ExitCode, "The fixed plan did not build:\n" + green);
        Assert.DoesNotContain("CHK001", green.Output, green.ToString());
    }

    [TestMethod]
    public async Task The_checklist_tool_runs_a_class_library_built_from_the_package_without_Stateless_beside_it()
    {
        var project = Consumer("library", program: null, """
            using ChecklistDsl;

            [Checklist("Rotate the logs")]
            public partial class RotateLogs
            {
                [Step("Archive the old logs"), Command("echo archived-by-library")]
                void Archive() { }

                [Step("Confirm the disk"), Check("Disk below 80%")]
                void ConfirmDisk() { }
            }
            """, outputType: "Library");
        var build = await DotNetProcess.RunAsync(project, _environment, "build", "--disable-build-servers");
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        var output = Path.Combine(project, "bin", "Debug", "net10.0");
        var assembly = Path.Combine(output, "library.dll");
        // A class library's build output carries neither the runtime nor Stateless: the tool shares its own.
        Assert.IsFalse(File.Exists(Path.Combine(output, "Stateless.dll")), "Stateless.dll is beside the library");
        Assert.IsFalse(File.Exists(Path.Combine(output, "ChecklistDsl.dll")), "ChecklistDsl.dll is beside the library");

        var stateDir = Path.Combine(_root, "library-state");
        var run = await DotNetProcess.RunAsync(project, _environment, ChecklistTool, "run", "RotateLogs", "--assembly", assembly, "--state-dir", stateDir, "--yes");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "archived-by-library", run.ToString());

        var dot = await DotNetProcess.RunAsync(project, _environment, ChecklistTool, "graph", "RotateLogs", "--assembly", assembly, "--format", "dot");
        Assert.AreEqual(0, dot.ExitCode, dot.ToString());
        StringAssert.Contains(dot.Output, "digraph", dot.ToString());
        StringAssert.Contains(dot.Output, "all checks ticked", dot.ToString());
    }

    /// <summary>The checklist tool as this repository built it (see the test project file).</summary>
    private static string ChecklistTool =>
        typeof(PackageEndToEndTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ChecklistTool").Value!;

    /// <summary>A project referencing the packed ChecklistDsl from the local feed (and nuget.org).</summary>
    private static string Consumer(string name, string? program, string? checklist = null, string outputType = "Exe")
    {
        var directory = Path.Combine(_root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ChecklistDsl" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{_feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        if (program is not null)
            File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        if (checklist is not null)
            File.WriteAllText(Path.Combine(directory, "Checklist.cs"), checklist);
        return directory;
    }
}
