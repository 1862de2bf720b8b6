using ChecklistDsl.Cli.Tests.Cli;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Reporting;

/// <summary>Retried attempts and condition skips are deviations the report lists, with what the run saw.</summary>
[TestClass]
public sealed class ReportDeviationTests
{
    [TestMethod]
    public void A_retried_command_and_a_step_skipped_by_its_condition_are_listed_as_deviations()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fixed"), "");
        var retried = Sample.Cli(folder, null, "run", "RetriedCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes");
        Assert.AreEqual(0, retried.ExitCode, retried.ToString());

        var report = Sample.Cli(folder, null, "report", folder.Journal(), "--format", "md");

        Assert.AreEqual(0, report.ExitCode, report.ToString());
        StringAssert.Contains(report.Output, "failed on attempt 1 of 4 (exit code 1) and was retried");
        StringAssert.Contains(report.Output, "failed on attempt 2 of 4 (exit code 1) and was retried");
        Assert.DoesNotContain("attempt 3 of 4", report.Output, "the attempt that succeeded is no deviation");

        using var other = new TempFolder();
        var conditional = Sample.Cli(other, null, "run", "ConditionalSteps", "--input", $"WorkDir={other.WorkDir}", "--input", "UsesCdn=no",
            "--input", "CacheBackend=memcached", "--yes", "--approve", "Release manager=Ann Lee");
        Assert.AreEqual(0, conditional.ExitCode, conditional.ToString());

        var skipped = Sample.Cli(other, null, "report", other.Journal(), "--format", "md");

        StringAssert.Contains(skipped.Output, "Skipped 'Purge the CDN' by its condition");
        StringAssert.Contains(skipped.Output, "UsesCdn was 'false'");
        StringAssert.Contains(skipped.Output, "CacheBackend was 'memcached'");
        Assert.AreEqual(1, skipped.Output.Split("Skipped 'Purge the CDN'").Length - 1, "one skip, listed once");
    }
}
