using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>Bad journals and changed plans: reported precisely, never modified.</summary>
[TestClass]
public sealed class JournalFileTests
{
    [TestMethod]
    public void A_journal_whose_header_was_cut_off_is_reported_and_left_untouched()
    {
        using var folder = new TempFolder();
        var (journal, runId) = PausedRun(folder);
        var bytes = File.ReadAllBytes(journal);
        var cut = bytes[..(Array.IndexOf(bytes, (byte)'\n') - 5)];
        File.WriteAllBytes(journal, cut);

        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", runId, "--yes", "--approver", "Alice");

        Assert.AreEqual(3, resumed.ExitCode, resumed.ToString());
        Assert.Contains("line 1", resumed.Error);
        Assert.Contains("header is incomplete", resumed.Error);
        CollectionAssert.AreEqual(cut, File.ReadAllBytes(journal), "the journal is not modified");
        Assert.IsEmpty(folder.Log().Skip(1), "nothing ran");
    }

    [TestMethod]
    public void A_journal_of_a_newer_format_is_refused_by_name_and_left_untouched()
    {
        using var folder = new TempFolder();
        var (journal, runId) = PausedRun(folder);
        // As a newer tool would write it: a higher format in the header and a record type this tool does not know.
        var text = File.ReadAllText(journal);
        Assert.Contains("\"version\":1,", text[..text.IndexOf('\n')]);
        var newer = text.Replace("\"version\":1,", "\"version\":2,") + "{\"type\":\"hologram\",\"at\":\"2030-01-01T00:00:00+00:00\"}\n";
        File.WriteAllText(journal, newer);
        var bytes = File.ReadAllBytes(journal);

        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", runId, "--yes", "--approver", "Alice");
        var approved = CliProcess.Run(folder.Path, null, "approve", runId, "--role", "QA lead");
        var status = CliProcess.Run(folder.Path, null, "status");

        Assert.AreEqual(3, resumed.ExitCode, resumed.ToString());
        Assert.Contains("journal format 2, written by a newer checklist tool; this one reads format 1", resumed.Error);
        Assert.Contains("update the tool", resumed.Error);
        Assert.AreEqual(3, approved.ExitCode, approved.ToString());
        Assert.Contains("journal format 2", approved.Error);
        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(journal), "the journal is not modified");
        Assert.IsEmpty(folder.Log().Skip(1), "nothing ran");
        Assert.AreEqual(0, status.ExitCode, status.ToString());
        Assert.Contains("unreadable", status.Output);
        Assert.Contains("journal format 2, newer than this tool reads (1)", status.Error);
    }

    [TestMethod]
    public void A_corrupt_line_in_the_middle_is_reported_by_number_and_status_keeps_listing_the_other_runs()
    {
        using var folder = new TempFolder();
        var (journal, runId) = PausedRun(folder);
        var lines = File.ReadAllLines(journal);
        lines[2] = "{\"type\":\"transition\",\"trig";
        File.WriteAllText(journal, string.Join("\n", lines) + "\n");
        var corrupt = File.ReadAllBytes(journal);
        var other = Sample.Cli(folder, null, "run", "ManualChecks", "--yes");
        Assert.AreEqual(2, other.ExitCode, other.ToString());

        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", runId, "--yes", "--approver", "Alice");
        var status = CliProcess.Run(folder.Path, null, "status");

        Assert.AreEqual(3, resumed.ExitCode, resumed.ToString());
        Assert.Contains("line 3", resumed.Error);
        CollectionAssert.AreEqual(corrupt, File.ReadAllBytes(journal));
        Assert.AreEqual(0, status.ExitCode, status.ToString());
        Assert.Contains("ManualChecks", status.Output);
        Assert.Contains("Aborted", status.Output);
        Assert.Contains("unreadable", status.Output);
        Assert.Contains("line 3", status.Error);
        // The header is readable: the bad later line does not hide the checklist and the start.
        var json = CliProcess.Run(folder.Path, null, "status", "--json");
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        var row = document.RootElement.EnumerateArray().Single(r => r.Text("runId") == runId);
        Assert.AreEqual("ProductionToStagingSync", row.Text("checklist"));
        Assert.AreEqual(System.Text.Json.JsonDocument.Parse(File.ReadLines(journal).First()).RootElement.Text("at")![..19], row.Text("startedAt")![..19]);
    }

    [TestMethod]
    public void Resume_refuses_a_journal_of_another_plan_and_names_the_steps_that_changed()
    {
        using var folder = new TempFolder();
        var (journal, runId) = PausedRun(folder);
        // Rewrite the header as if the run had started under an older plan: another fingerprint, a
        // changed SyncFiles, a step that has since been renamed.
        var text = File.ReadAllText(journal);
        var header = text[..text.IndexOf('\n')];
        var records = Journals.Records(journal);
        var syncFiles = records[0].GetProperty("steps").EnumerateArray().Single(s => s.Text("name") == "SyncFiles").Text("fingerprint")!;
        var oldHeader = header
            .Replace(records[0].Text("fingerprint")!, "sha256:00000000000000000000000000000000")
            .Replace(syncFiles, "sha256:11111111111111111111111111111111")
            .Replace("\"FlushStagingCache\"", "\"PurgeCache\"");
        File.WriteAllText(journal, oldHeader + text[header.Length..]);

        var resumed = Sample.Cli(folder, Sample.Environment(), "resume", runId, "--yes", "--approver", "Alice");

        Assert.AreEqual(3, resumed.ExitCode, resumed.ToString());
        Assert.Contains("changed since run", resumed.Error);
        Assert.Contains("changed: SyncFiles", resumed.Error);
        Assert.Contains("removed: PurgeCache", resumed.Error);
        Assert.Contains("added:   FlushStagingCache", resumed.Error);
        Assert.DoesNotContain("changed: BackUpStagingDatabase", resumed.Error);
    }

    [TestMethod]
    public void Status_lists_runs_with_state_progress_and_who_and_json_gives_the_same()
    {
        using var folder = new TempFolder();
        var (_, runId) = PausedRun(folder);

        var table = CliProcess.Run(folder.Path, null, "status");
        var json = CliProcess.Run(folder.Path, null, "status", "--json");

        Assert.AreEqual(0, table.ExitCode, table.ToString());
        Assert.Contains(runId, table.Output);
        Assert.Contains("stopped: ConfirmSyncWindow (resumable)", table.Output);
        Assert.Contains("0/8", table.Output);
        Assert.Contains($"{Environment.UserName}@{Environment.MachineName}", table.Output);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        var run = document.RootElement.EnumerateArray().Single();
        Assert.AreEqual(runId, run.Text("runId"));
        Assert.AreEqual("0/8", run.Text("progress"));
    }

    [TestMethod]
    public void Resuming_a_finished_run_says_so_and_exits_with_its_outcome()
    {
        using var folder = new TempFolder();
        var run = Sample.Cli(folder, null, "run", "ManualChecks", "--yes");
        var runId = Journals.Records(folder.Journal())[0].Text("runId")!;

        var resumed = Sample.Cli(folder, null, "resume", runId, "--yes");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.AreEqual(2, resumed.ExitCode, resumed.ToString());
        Assert.Contains("already ended: Aborted", resumed.Output);
    }

    /// <summary>A run of the sync stopped at its approval gate: header, transition, command, check, pause.</summary>
    private static (string Journal, string RunId) PausedRun(TempFolder folder)
    {
        var paused = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder));
        Assert.AreEqual(5, paused.ExitCode, paused.ToString());
        var journal = folder.Journal();
        return (journal, Journals.Records(journal)[0].Text("runId")!);
    }
}
