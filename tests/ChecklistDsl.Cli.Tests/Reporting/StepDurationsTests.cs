using System.Text.Json;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Reporting;
using ChecklistDsl.Cli.Tests.Cli;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Reporting;

/// <summary>Per-step durations over past runs: median and slowest, from journals.</summary>
[TestClass]
public sealed class StepDurationsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A run of steps A, B: A takes <paramref name="a"/> seconds, B <paramref name="b"/>; an optional pause inside B.</summary>
    private static IReadOnlyList<JournalRecord> Run(string id, double a, double b, double pausedInB = 0, bool failB = false)
    {
        var records = new List<JournalRecord>
        {
            new() { Type = RecordTypes.Header, At = T0, RunId = id, Checklist = "C", Fingerprint = "f", Target = "t", Steps = [new("A", "fa"), new("B", "fb")] },
            new() { Type = RecordTypes.Transition, At = T0, Trigger = "Start", Source = "NotStarted", Destination = "A" },
            new() { Type = RecordTypes.Transition, At = T0.AddSeconds(a), Trigger = "Approve", Source = "A", Destination = "B" },
        };
        var t = T0.AddSeconds(a);
        if (pausedInB > 0)
        {
            records.Add(new() { Type = RecordTypes.Paused, At = t.AddSeconds(1), State = "B", Text = "interrupted" });
            records.Add(new() { Type = RecordTypes.Resumed, At = t.AddSeconds(1 + pausedInB), State = "B", User = "u", Host = "h" });
            t = t.AddSeconds(pausedInB);
        }
        records.Add(new() { Type = RecordTypes.Transition, At = t.AddSeconds(b), Trigger = failB ? "Fail" : "Complete", Source = "B", Destination = failB ? "Aborted" : "Completed" });
        return records;
    }

    [TestMethod]
    public void Median_and_slowest_per_step_leave_out_failed_visits_and_time_stopped()
    {
        var durations = StepDurations.Of([Run("r1", 10, 60), Run("r2", 30, 120, pausedInB: 3600), Run("r3", 20, 90), Run("r4", 40, 5000, failB: true)]);

        Assert.HasCount(2, durations);
        var a = durations[0];
        Assert.AreEqual(("C", "A", 4), (a.Checklist, a.Step, a.Runs));
        Assert.AreEqual(25, a.MedianSeconds, 1e-9, "median of 10, 20, 30, 40");
        Assert.AreEqual(40, a.SlowestSeconds, 1e-9);
        Assert.AreEqual("r4", a.SlowestRun);
        var b = durations[1];
        Assert.AreEqual(3, b.Runs, "the failed visit is not a timing of the step");
        Assert.AreEqual(90, b.MedianSeconds, 1e-9);
        Assert.AreEqual(120, b.SlowestSeconds, 1e-9, "the hour the run was stopped is left out");
    }

    [TestMethod]
    public void Status_durations_lists_each_step_of_past_runs()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 2; i++)
        {
            var run = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Ann Lee"));
            Assert.AreEqual(0, run.ExitCode, run.ToString());
        }

        var status = CliProcess.Run(folder.Path, null, "status", "--durations", "--json");
        var text = CliProcess.Run(folder.Path, null, "status", "--durations");

        Assert.AreEqual(0, status.ExitCode, status.ToString());
        using var json = JsonDocument.Parse(status.Output);
        Assert.HasCount(2, json.RootElement.GetProperty("runs").EnumerateArray().ToArray());
        var steps = json.RootElement.GetProperty("durations").EnumerateArray().ToArray();
        CollectionAssert.AreEqual(
            new[] { "ConfirmSyncWindow", "CheckProviderApi", "BackUpStagingDatabase", "SyncFiles", "DropStagingDatabase", "ImportProductionDump", "FlushStagingCache", "VerifyStaging" },
            steps.Select(s => s.GetProperty("step").GetString()).ToArray());
        foreach (var step in steps)
        {
            Assert.AreEqual(2, step.GetProperty("runs").GetInt32());
            Assert.IsLessThanOrEqualTo(step.GetProperty("slowestSeconds").GetDouble(), step.GetProperty("medianSeconds").GetDouble());
        }
        Assert.AreEqual(0, text.ExitCode, text.ToString());
        StringAssert.Contains(text.Output, "Step durations over past runs");
        StringAssert.Contains(text.Output, "ImportProductionDump");
        StringAssert.Contains(text.Output, "intact");
    }
}
