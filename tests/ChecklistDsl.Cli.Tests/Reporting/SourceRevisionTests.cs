using System.Diagnostics;
using ChecklistDsl.Cli.Reporting;
using ChecklistDsl.Cli.Tests.Support;
using RepositoryRoot = ChecklistDsl.Tests.Shared.RepositoryRoot;

namespace ChecklistDsl.Cli.Tests.Reporting;

/// <summary>
/// src/ChecklistDsl/buildTransitive/ChecklistDsl.SourceRevision.targets run by MSBuild on a small project
/// in a real git repository (clean, then dirty) and outside any; and the stamp read back from a built assembly.
/// </summary>
[TestClass]
public sealed class SourceRevisionTests
{
    private static string Targets => RepositoryRoot.Combine("src", "ChecklistDsl", "buildTransitive", "ChecklistDsl.SourceRevision.targets");

    private static string Revision(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "probe.proj"), $"""
            <Project>
              <Import Project="{Targets}" />
              <Target Name="Build" />
            </Project>
            """);
        var (code, output) = Run(folder, "dotnet", "msbuild", "probe.proj", "-nologo", "-t:ChecklistReadSourceRevision", "-getProperty:ChecklistSourceRevision");
        Assert.AreEqual(0, code, output);
        return output.Trim();
    }

    [TestMethod]
    public void The_build_stamps_the_commit_with_a_dirty_flag_and_unknown_outside_git()
    {
        using var folder = new TempFolder();
        var outside = Path.Combine(folder.Path, "outside");
        Directory.CreateDirectory(outside);
        if (Run(outside, "git", "rev-parse", "--git-dir").Code == 0)
            Assert.Inconclusive("the temporary folder is inside a git repository");
        Assert.AreEqual("unknown", Revision(outside));

        var repo = Path.Combine(folder.Path, "repo");
        Directory.CreateDirectory(repo);
        Assert.AreEqual(0, Run(repo, "git", "init", "--quiet").Code);
        File.WriteAllText(Path.Combine(repo, "probe.proj"), "");
        Run(repo, "git", "add", ".");
        Assert.AreEqual(0, Run(repo, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "one").Code);
        Revision(repo); // writes probe.proj
        Run(repo, "git", "add", ".");
        Run(repo, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "two");
        var head = Run(repo, "git", "rev-parse", "HEAD").Output.Trim();

        Assert.AreEqual(head, Revision(repo), "clean");
        File.WriteAllText(Path.Combine(repo, "Change.cs"), "// not committed");
        Assert.AreEqual(head + "+dirty", Revision(repo), "an untracked file");
    }

    [TestMethod]
    public void The_stamp_is_read_back_from_the_built_sample_assembly()
    {
        var head = Run(RepositoryRoot.Path, "git", "rev-parse", "HEAD");
        var stamped = SourceRevision.Read(SampleChecklists.AssemblyPath);
        if (head.Code != 0)
        {
            Assert.AreEqual(SourceRevision.Unknown, stamped, "built outside git");
            return;
        }
        Assert.AreEqual(head.Output.Trim(), stamped.Replace("+dirty", "", StringComparison.Ordinal));
        Assert.AreEqual(SourceRevision.Unknown, SourceRevision.Read(typeof(SourceRevisionTests).Assembly.Location), "an assembly built without the targets");
        Assert.AreEqual(SourceRevision.Unknown, SourceRevision.Read(RepositoryRoot.Combine("README.md")), "not an assembly");
    }

    private static (int Code, string Output) Run(string folder, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
