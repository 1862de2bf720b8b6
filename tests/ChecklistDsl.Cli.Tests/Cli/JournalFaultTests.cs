using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>
/// A state folder (.checklist) that cannot be written, whether a file stands in its place, it is
/// read-only or its disk is full, stops the run before any step is acted on, with an error that says
/// so; a disk that fills mid-run stops it before its next action, resumable once there is space.
/// </summary>
[TestClass]
public sealed class JournalFaultTests
{
    private static string[] SlowRun(TempFolder folder) => ["run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes"];

    [TestMethod]
    public void A_file_where_the_state_folder_should_be_stops_the_run_before_any_step()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, ".checklist"), "not a folder");

        var result = Sample.Cli(folder, null, SlowRun(folder));

        AssertStoppedBeforeAnyStep(folder, result);
        Assert.Contains($"'{Path.Combine(folder.Path, ".checklist")}' is a file, not a folder", result.Error, "the cause is named");
        StringAssert.DoesNotMatch(result.Output + result.Error, new System.Text.RegularExpressions.Regex(@"\d{8}-\d{6}-SlowCommands-"), "no run id that was never recorded");
    }

    [TestMethod]
    public void A_file_where_the_runs_folder_should_be_stops_the_run_before_any_step_and_releases_the_lock()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".checklist"));
        File.WriteAllText(Path.Combine(folder.Path, ".checklist", "runs"), "not a folder");

        var result = Sample.Cli(folder, null, SlowRun(folder));

        AssertStoppedBeforeAnyStep(folder, result);
        Assert.Contains("runs' is a file, not a folder", result.Error, "the cause is named");
        var locks = Path.Combine(folder.Path, ".checklist", "locks");
        Assert.IsTrue(!Directory.Exists(locks) || Directory.GetFiles(locks).Length == 0, "no lock is left");
    }

    [TestMethod]
    public void A_read_only_state_folder_stops_the_run_before_any_step()
    {
        using var folder = new TempFolder();
        var state = Path.Combine(folder.Path, ".checklist");
        // Root ignores permissions: a read-only tmpfs is read-only for root too.
        using var mount = TmpfsMount.TryMount(state, "ro,size=64k", out var whyNot);
        if (mount is null && !OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(state);
            File.SetUnixFileMode(state, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        else if (mount is null)
        {
            Assert.Inconclusive("A read-only folder is made with Unix permissions or a read-only tmpfs.");
        }

        var result = Sample.Cli(folder, null, SlowRun(folder));

        if (mount is null && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(state, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AssertStoppedBeforeAnyStep(folder, result, whyNot);
    }

    [TestMethod]
    public void A_full_disk_under_the_state_folder_stops_the_run_before_any_step_and_leaves_no_half_written_file()
    {
        using var folder = new TempFolder();
        using var mount = TmpfsMount.TryMount(Path.Combine(folder.Path, ".checklist"), "size=64k", out var whyNot);
        if (mount is null)
            Assert.Inconclusive("A full disk is simulated with a tiny tmpfs: " + whyNot);
        mount.Fill();

        var result = Sample.Cli(folder, null, SlowRun(folder));

        AssertStoppedBeforeAnyStep(folder, result);
        mount.Free();
        Assert.IsEmpty(LeakScan.Files(mount.Path), "no empty lock or journal left behind");
    }

    [TestMethod]
    public void A_disk_that_fills_mid_run_stops_it_before_its_next_action_and_it_resumes_once_there_is_space()
    {
        using var folder = new TempFolder();
        using var mount = TmpfsMount.TryMount(Path.Combine(folder.Path, ".checklist"), "size=256k", out var whyNot);
        if (mount is null)
            Assert.Inconclusive("A full disk is simulated with a tiny tmpfs: " + whyNot);
        var secrets = new Dictionary<string, string> { ["DEPLOY_TOKEN"] = "t0ken-value", ["DB_PASSWORD"] = "pw-value", ["SIGNING_KEY"] = "key-value" };
        string[] run = ["run", "TalkativeCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--assembly", SampleChecklists.AssemblyPath];
        var hold = Path.Combine(folder.WorkDir, "hold");
        File.WriteAllText(hold, "");
        using var process = CliProcess.Start(folder.Path, secrets, run, out var stdout, out var stderr);
        var journal = Journals.WaitForRecord(folder, "\"state\":\"Hold\"", process);
        mount.Fill();
        File.Delete(hold);
        var stopped = CliProcess.Wait(process, stdout, stderr);

        // Somewhere after Hold (the page the journal had left decides where; the last step's 4 KB output
        // cannot fit) a record could not be written, and the run stopped there.
        Assert.AreEqual(5, stopped.ExitCode, "stopped, resumable: " + stopped);
        Assert.Contains("Could not write to the journal", stopped.Error);
        Assert.Contains("checklist resume", stopped.Error);
        Assert.DoesNotContain("Internal error", stopped.Error);
        var onDisk = File.ReadAllLines(journal);
        Assert.IsTrue(onDisk.All(l => l.EndsWith('}')), "the record that failed half-way was cut off: the journal ends with a whole record");
        Assert.IsFalse(onDisk.Any(l => l.Contains("\"destination\":\"Completed\"", StringComparison.Ordinal)));
        if (folder.Log().Contains("change"))
            Assert.IsTrue(onDisk.Any(l => l.Contains("\"type\":\"command-started\"", StringComparison.Ordinal) && l.Contains("\"state\":\"Change\"", StringComparison.Ordinal)),
                "the change was recorded before it was made");
        var runId = Journals.Records(journal)[0].Text("runId")!;

        mount.Free();
        var resumed = CliProcess.Run(folder.Path, secrets, "resume", runId, "--yes", "--assembly", SampleChecklists.AssemblyPath);

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        Assert.AreEqual("Verify -Complete-> Completed", Journals.Transitions(Journals.Records(journal))[^1]);
        Assert.DoesNotContain("undo", folder.Log());
    }

    private static void AssertStoppedBeforeAnyStep(TempFolder folder, CliResult result, string note = "")
    {
        Assert.AreEqual(3, result.ExitCode, note + result);
        Assert.Contains("Cannot write the run state in", result.Error);
        Assert.Contains("Nothing was run", result.Error);
        Assert.DoesNotContain("Internal error", result.Error);
        Assert.IsEmpty(folder.Log(), "no step was acted on");
        Assert.IsEmpty(LeakScan.Files(Path.Combine(folder.Path, ".checklist")).Where(f => f.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith(".lock", StringComparison.Ordinal)));
    }
}
