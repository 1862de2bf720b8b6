using ChecklistDsl.Cli.Running;

namespace ChecklistDsl.Cli.Tests.Running;

[TestClass]
public sealed class ShellCommandTests
{
    private static readonly SecretRedactor Redactor = new(["s3cret-value"]);

    [TestMethod]
    public async Task The_exit_code_and_the_redacted_output_are_captured_and_each_line_is_shown_live()
    {
        var live = new List<string>();

        var result = await ShellCommand.RunAsync(
            "echo one; echo \"$MY_SECRET\" >&2; exit 3",
            new Dictionary<string, string> { ["MY_SECRET"] = "s3cret-value" },
            timeout: null, Redactor, live.Add, CancellationToken.None);

        Assert.AreEqual(3, result.ExitCode);
        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual("failed with exit code 3", result.Describe());
        CollectionAssert.AreEquivalent(new[] { "one", "***" }, live);
        Assert.DoesNotContain("s3cret-value", result.Output);
    }

    [TestMethod]
    public async Task A_command_past_its_timeout_is_killed_and_reported_as_timed_out()
    {
        var result = await ShellCommand.RunAsync("sleep 20", new Dictionary<string, string>(), TimeSpan.FromMilliseconds(300), Redactor, _ => { }, CancellationToken.None);

        Assert.IsTrue(result.TimedOut);
        Assert.IsNull(result.ExitCode);
        Assert.Contains("stopped after its timeout", result.Output);
    }

    [TestMethod]
    public async Task Long_output_keeps_its_start_and_its_end()
    {
        var result = await ShellCommand.RunAsync(
            "echo FIRST; i=0; while [ $i -lt 4000 ]; do echo line-$i-xxxxxxxxxxxxxxxxxxxx; i=$((i+1)); done; echo LAST",
            new Dictionary<string, string>(), timeout: null, Redactor, _ => { }, CancellationToken.None);

        Assert.AreEqual(0, result.ExitCode);
        Assert.IsTrue(result.OutputTruncated);
        Assert.StartsWith("FIRST\n", result.Output);
        Assert.EndsWith("LAST\n", result.Output, result.Output[^300..]);
        Assert.Contains("characters of output left out", result.Output);
        Assert.IsLessThan(ShellCommand.KeptHeadChars + ShellCommand.KeptTailChars + 200, result.Output.Length);
    }

    [TestMethod]
    [DataRow("false | cat", 1)]
    [DataRow("no-such-command-anywhere | cat", 127)]
    [DataRow("echo x | false | cat", 1)]
    [DataRow("echo x | cat", 0)]
    public async Task Any_failing_part_of_a_pipeline_fails_the_command(string line, int exitCode)
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("cmd.exe has no pipefail (README-CLI.md says so).");

        var result = await ShellCommand.RunAsync(line, new Dictionary<string, string>(), timeout: null, Redactor, _ => { }, CancellationToken.None);

        Assert.IsTrue(ShellCommand.Shell.HasPipefail, $"{ShellCommand.Shell.Program} has pipefail");
        Assert.AreEqual(exitCode, result.ExitCode, result.Output);
    }
}
