using System.Diagnostics;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>
/// The journal survives a crash: the process is killed (SIGKILL) at chosen points and at 50 random ones
/// (ten chains of five kills), then resumed; no completed step is lost or done twice.
/// </summary>
[TestClass]
public sealed class CrashAndResumeTests
{
    private const string CrashHook = "CHECKLIST_TEST_CRASH_AFTER_RECORDS";

    // A run of ProductionToStagingSync writes ~40 records. The tool kills itself (SIGKILL) right after
    // writing record N: after the header, a transition, a command-started (the command never ran), a
    // command-finished, a check, the approval; then again in the resumed process.
    [TestMethod]
    [DataRow(2, 0)]
    [DataRow(3, 0)]
    [DataRow(6, 0)]
    [DataRow(7, 0)]
    [DataRow(13, 0)]
    [DataRow(20, 0)]
    [DataRow(33, 0)]
    [DataRow(9, 5)]
    [DataRow(16, 12)]
    public void A_run_killed_after_any_record_resumes_without_losing_or_repeating_a_step(int crashAfter, int crashResumeAfter)
    {
        using var folder = new TempFolder();

        var crashed = Sample.Cli(folder, Sample.Environment((CrashHook, crashAfter.ToString())), Sample.SyncRun(folder, "--approver", "Alice"));

        Assert.AreEqual(137, crashed.ExitCode, "killed by SIGKILL: " + crashed);
        var journal = folder.Journal();
        var before = Journals.Records(journal);
        Assert.HasCount(crashAfter, before, "every record written before the kill is on disk");
        var runId = before[0].Text("runId")!;

        if (crashResumeAfter > 0)
        {
            var crashedAgain = Sample.Cli(folder, Sample.Environment((CrashHook, crashResumeAfter.ToString())), "resume", runId, "--yes", "--approver", "Alice");
            Assert.AreEqual(137, crashedAgain.ExitCode, crashedAgain.ToString());
        }
        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", runId, "--yes", "--approver", "Alice");

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        AssertCompletedOnceEach(folder, journal, [before]);
    }

    // A crash while a record is being written leaves it torn: the run is killed right after writing
    // record N, then record N is cut at a byte offset inside it (its first byte, its middle, all but its
    // line end), as if the process had died mid-write. The records cut are ones whose action comes
    // after them (the start of a step, a command about to run, a check, the approval), so that action
    // was never taken: resume sets the bytes aside, says so in one line, and every command runs once.
    [TestMethod]
    [DataRow(2, "first byte")]
    [DataRow(2, "middle")]
    [DataRow(3, "first byte")]
    [DataRow(3, "middle")]
    [DataRow(3, "all but the line end")]
    [DataRow(5, "middle")]
    [DataRow(6, "all but the line end")]
    [DataRow(13, "middle")]
    [DataRow(24, "first byte")]
    [DataRow(34, "all but the line end")]
    public void A_run_whose_last_record_was_torn_mid_write_resumes_to_the_end_with_every_command_run_once(int crashAfter, string cut)
    {
        using var folder = new TempFolder();
        var crashed = Sample.Cli(folder, Sample.Environment((CrashHook, crashAfter.ToString())), Sample.SyncRun(folder, "--approver", "Alice"));
        Assert.AreEqual(137, crashed.ExitCode, "killed by SIGKILL: " + crashed);
        var journal = folder.Journal();
        var records = Journals.Records(journal);
        Assert.HasCount(crashAfter, records);
        Assert.Contains(records[^1].Type(), new[] { "transition", "command-started", "check", "approval" },
            $"record {crashAfter} is one whose action comes after it");
        var bytes = File.ReadAllBytes(journal);
        var lastStart = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        var recordLength = bytes.Length - lastStart;
        var keep = lastStart + cut switch
        {
            "first byte" => 1,
            "middle" => recordLength / 2,
            _ => recordLength - 1,
        };
        File.WriteAllBytes(journal, bytes[..keep]);
        var before = System.Text.Encoding.UTF8.GetString(bytes[..lastStart]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.Clone()).ToArray();
        var runId = before[0].Text("runId")!;

        var status = CliProcess.Run(folder.Path, null, "status");
        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", runId, "--yes", "--approver", "Alice");

        Assert.AreEqual(0, status.ExitCode, status.ToString());
        Assert.Contains("cut off by a crash", status.Output);
        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        Assert.ContainsSingle(resumed.Output.Split('\n').Where(l => l.Contains("cut off by a crash", StringComparison.Ordinal)), resumed.Output);
        var aside = journal + ".torn-" + lastStart;
        CollectionAssert.AreEqual(bytes[lastStart..keep], File.ReadAllBytes(aside), "the torn bytes are kept beside the journal");
        var after = Journals.Records(journal);
        var setAside = after[before.Length];
        Assert.AreEqual("torn-tail-set-aside", setAside.Type());
        Assert.AreEqual(Path.GetFileName(aside), setAside.Text("text"));
        Assert.AreEqual(lastStart, setAside.GetProperty("offset").GetInt64());
        AssertCompletedOnceEach(folder, journal, [before]);
    }

    /// <summary>Chains of runs, each killed (SIGKILL) at random records, five times per chain: 50 kill points.</summary>
    public static IEnumerable<object[]> KillChains => Enumerable.Range(1, 10).Select(chain => new object[] { chain });

    [TestMethod]
    [DynamicData(nameof(KillChains))]
    public void A_run_killed_at_five_random_records_in_a_row_resumes_without_losing_or_repeating_a_step(int chain)
    {
        // Fixed seeds: the same points each time; the kill points are in the failure message.
        var random = new Random(2026 + chain);
        // The first kill within the first 26 records, then 1 to 3 records into each resumed process: all five
        // land before the ~40-record run ends.
        var points = new[] { random.Next(2, 27) }.Concat(Enumerable.Range(0, 4).Select(_ => random.Next(1, 4))).ToArray();
        var where = $"chain {chain}, kills after records {string.Join(", ", points)}";
        using var folder = new TempFolder();

        var crashed = Sample.Cli(folder, Sample.Environment((CrashHook, points[0].ToString())), Sample.SyncRun(folder, "--approver", "Alice"));
        Assert.AreEqual(137, crashed.ExitCode, $"{where}: killed by SIGKILL: {crashed}");
        var journal = folder.Journal();
        var snapshots = new List<IReadOnlyList<System.Text.Json.JsonElement>> { Journals.Records(journal) };
        Assert.HasCount(points[0], snapshots[0], where);
        var runId = snapshots[0][0].Text("runId")!;
        foreach (var point in points.Skip(1))
        {
            var again = Sample.Cli(folder, Sample.Environment((CrashHook, point.ToString())), "resume", runId, "--yes", "--approver", "Alice");
            Assert.AreEqual(137, again.ExitCode, $"{where}: killed again after {point}: {again}");
            var records = Journals.Records(journal);
            Assert.HasCount(snapshots[^1].Count + point, records, $"{where}: the resumed process's records are on disk");
            snapshots.Add(records);
        }
        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", runId, "--yes", "--approver", "Alice");

        Assert.AreEqual(0, resumed.ExitCode, $"{where}: {resumed}");
        AssertCompletedOnceEach(folder, journal, snapshots);
    }

    /// <summary>
    /// After the last resume: each command did its work once, every record on disk at each kill is kept
    /// as it was, each step was left once along the forward path, the approval is recorded once.
    /// </summary>
    private static void AssertCompletedOnceEach(TempFolder folder, string journal, IEnumerable<IReadOnlyList<System.Text.Json.JsonElement>> snapshots)
    {
        CollectionAssert.AreEqual(Sample.FullSyncLog, folder.Log(), "each command did its work exactly once");
        var after = Journals.Records(journal);
        foreach (var before in snapshots)
        {
            for (var i = 0; i < before.Count; i++)
                Assert.AreEqual(before[i].GetRawText(), after[i].GetRawText(), $"record {i + 1} is kept as it was");
        }
        // Each step is left exactly once, along the forward path.
        var transitions = Journals.Transitions(after);
        Assert.HasCount(9, transitions, string.Join("\n", transitions));
        Assert.AreEqual("VerifyStaging -Complete-> Completed", transitions[^1]);
        Assert.ContainsSingle(after.Where(r => r.Type() == "approval"));
        // Every (state, command) finished successfully exactly once.
        var finishedTwice = after.Where(r => r.Type() == "command-finished" && r.Number("exitCode") == 0)
            .GroupBy(r => (r.Text("state"), r.Number("command"))).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.IsEmpty(finishedTwice);
        Assert.AreEqual(11, after.Count(r => r.Type() == "command-finished" && r.Number("exitCode") == 0));
    }

    // Crash points on the rollback path, found in a reference run that is not killed: right after the
    // decision to roll back (its transition not yet written), after entering the first rollback
    // state, after a rollback command started, after the first rollback procedure completed.
    [TestMethod]
    [DataRow("\"type\":\"failure\"", 1, true)]
    [DataRow("\"trigger\":\"Fail\"", 1, false)]
    [DataRow("\"type\":\"command-started\"", 11, false)]
    [DataRow("\"trigger\":\"Complete\"", 5, false)]
    public void A_run_killed_on_its_rollback_path_resumes_it_without_repeating_or_skipping_a_procedure(string recordText, int occurrence, bool decisionPending)
    {
        using var reference = new TempFolder();
        File.WriteAllText(Path.Combine(reference.WorkDir, "fail-import"), "");
        var referenceRun = Sample.Cli(reference, Sample.Environment(), Sample.SyncRun(reference, "--approver", "Alice"));
        Assert.AreEqual(1, referenceRun.ExitCode, referenceRun.ToString());
        var referenceLines = File.ReadAllLines(reference.Journal());
        var crashAfter = referenceLines.Select((line, i) => (line, i)).Where(p => p.line.Contains(recordText, StringComparison.Ordinal))
            .Skip(occurrence - 1).First().i + 1;
        Assert.IsTrue(referenceLines[..crashAfter].Any(l => l.Contains("\"type\":\"failure\"", StringComparison.Ordinal)), "the crash point is on the rollback path");

        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fail-import"), "");
        var crashed = Sample.Cli(folder, Sample.Environment((CrashHook, crashAfter.ToString())), Sample.SyncRun(folder, "--approver", "Alice"));
        Assert.AreEqual(137, crashed.ExitCode, crashed.ToString());
        var runId = Journals.Records(folder.Journal())[0].Text("runId")!;

        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", runId, "--yes");

        Assert.AreEqual(1, resumed.ExitCode, resumed.ToString());
        CollectionAssert.AreEqual(reference.Log(), folder.Log(), "every rollback procedure ran once, in the same order");
        CollectionAssert.AreEqual(Journals.Transitions(Journals.Records(reference.Journal())), Journals.Transitions(Journals.Records(folder.Journal())));
        Assert.ContainsSingle(Journals.Records(folder.Journal()).Where(r => r.Type() == "failure"), "the decision was carried out, not asked again");
        Assert.AreEqual(decisionPending, resumed.Output.Contains("The run stopped after deciding 'Fail'", StringComparison.Ordinal), resumed.Output);
    }

    [TestMethod]
    public void A_run_killed_during_a_command_offers_that_command_again_on_resume_and_its_stale_lock_is_reported_then_taken_over()
    {
        using var folder = new TempFolder();
        var hold = Path.Combine(folder.WorkDir, "hold");
        File.WriteAllText(hold, "");
        using var process = CliProcess.Start(folder.Path, null,
            ["run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--assembly", SampleChecklists.AssemblyPath],
            out var stdout, out var stderr);
        var journal = Journals.WaitForRecord(folder, "\"state\":\"Hold\"", process);

        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        _ = (stdout.Result, stderr.Result);

        var records = Journals.Records(journal);
        Assert.AreEqual("command-started", records[^1].Type(), "killed while the command ran");
        Assert.AreEqual("Hold", records[^1].Text("state"));
        var runId = records[0].Text("runId")!;

        // The dead run's lock blocks a new run, which says how to clear it.
        var blocked = Sample.Cli(folder, null, "run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes");
        Assert.AreEqual(4, blocked.ExitCode, blocked.ToString());
        Assert.Contains("stale lock", blocked.Error);
        Assert.Contains($"checklist unlock {runId}", blocked.Error);
        Assert.Contains($"checklist resume {runId}", blocked.Error);

        File.Delete(hold);
        var resumed = Sample.Cli(folder, null, "resume", runId, "--yes");

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        Assert.Contains("its end was never recorded", resumed.Output);
        CollectionAssert.AreEqual(new[] { "first", "hold", "bounded", "last" }, folder.Log());
        var after = Journals.Records(journal);
        Assert.AreEqual(2, after.Count(r => r.Type() == "command-started" && r.Text("state") == "Hold"), "offered again, not skipped");
        Assert.AreEqual(1, after.Count(r => r.Type() == "command-started" && r.Text("state") == "First"), "a finished command is not run again");
    }

    [TestMethod]
    public void Ctrl_c_stops_the_running_command_records_the_pause_releases_the_lock_and_exits_5()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Inconclusive("SIGINT is sent with kill(1).");
        using var folder = new TempFolder();
        var hold = Path.Combine(folder.WorkDir, "hold");
        File.WriteAllText(hold, "");
        using var process = CliProcess.Start(folder.Path, null,
            ["run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--assembly", SampleChecklists.AssemblyPath],
            out var stdout, out var stderr);
        var journal = Journals.WaitForRecord(folder, "\"state\":\"Hold\"", process);

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()]))
            kill.WaitForExit();
        var interrupted = CliProcess.Wait(process, stdout, stderr);

        Assert.AreEqual(5, interrupted.ExitCode, interrupted.ToString());
        var records = Journals.Records(journal);
        Assert.AreEqual("paused", records[^1].Type());
        Assert.AreEqual("command-finished", records[^2].Type());
        Assert.IsTrue(records[^2].GetProperty("interrupted").GetBoolean());
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(folder.Path, ".checklist", "locks")));
        File.Delete(hold);
        var resumed = Sample.Cli(folder, null, "resume", records[0].Text("runId")!, "--yes");
        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        CollectionAssert.AreEqual(new[] { "first", "hold", "bounded", "last" }, folder.Log(), "the interrupted command was stopped, then run again");
    }

    [TestMethod]
    public void A_second_run_of_the_same_checklist_and_target_gets_the_lock_error_naming_the_owner()
    {
        using var folder = new TempFolder();
        var hold = Path.Combine(folder.WorkDir, "hold");
        File.WriteAllText(hold, "");
        using var first = CliProcess.Start(folder.Path, null,
            ["run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--assembly", SampleChecklists.AssemblyPath],
            out var stdout, out var stderr);
        try
        {
            Journals.WaitForRecord(folder, "\"state\":\"Hold\"", first);

            var second = Sample.Cli(folder, null, "run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes");
            var otherWork = Path.Combine(folder.Path, "other");
            Directory.CreateDirectory(otherWork);
            var otherTarget = Sample.Cli(folder, null, "run", "SlowCommands", "--input", $"WorkDir={otherWork}", "--yes", "--target", "other");

            Assert.AreEqual(4, second.ExitCode, second.ToString());
            Assert.Contains("already running against target 'default'", second.Error);
            Assert.Contains($"pid {first.Id}", second.Error);
            Assert.Contains(Environment.UserName, second.Error);
            Assert.AreEqual(0, otherTarget.ExitCode, "another target is another lock: " + otherTarget);
            var status = CliProcess.Run(folder.Path, null, "status");
            Assert.Contains("running: Hold", status.Output);
        }
        finally
        {
            File.Delete(hold);
        }
        var firstResult = CliProcess.Wait(first, stdout, stderr);
        Assert.AreEqual(0, firstResult.ExitCode, firstResult.ToString());
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(folder.Path, ".checklist", "locks")), "both runs released their locks");
    }
}
