using System.Text;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Loading;
using ChecklistDsl.Cli.Running;
using ChecklistDsl.Cli.Stores.File;
using ChecklistDsl.Cli.Tests.Support;
using Spectre.Console;

namespace ChecklistDsl.Cli.Tests.Journal;

/// <summary>
/// The journal's hash chain, on finished journals written by the real runner (ProductionToStagingSync):
/// one that holds every record type but a rejection (paused at the gate, resumed, an interrupted command
/// accepted as done, a check, an approval, a failure rolled back) and one that ends in a rejection.
/// Every byte of a record of each type, changed, makes verify name that record; so does a record removed
/// or two swapped. An older journal without a chain reads as unchained, never broken.
/// </summary>
[TestClass]
public sealed class JournalChainTests
{
    private static LoadedChecklists _loaded = null!;
    private static TempFolder _folder = null!;
    private static byte[] _full = null!;
    private static byte[] _rejected = null!;

    private static ChecklistDefinition Sync => _loaded.Find("ProductionToStagingSync");

    [ClassInitialize]
    public static async Task WriteJournals(TestContext context)
    {
        _ = context;
        _loaded = LoadedChecklists.Load(SampleChecklists.AssemblyPath);
        _folder = new TempFolder();
        _full = await FullJournal(Path.Combine(_folder.Path, "full.jsonl"));
        _rejected = await RejectedJournal(Path.Combine(_folder.Path, "rejected.jsonl"));
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        _folder.Dispose();
        _loaded.Dispose();
    }

    [TestMethod]
    public void A_finished_journal_written_across_a_pause_and_a_resume_is_intact()
    {
        var verdict = JournalChain.Verify(_full);

        Assert.AreEqual(ChainStatus.Intact, verdict.Status, verdict.ToString());
        Assert.AreEqual(Lines(_full).Count, verdict.Records);
        Assert.AreEqual($"intact ({verdict.Records} records)", verdict.ToString());
        StringAssert.StartsWith(verdict.Head, "sha256:");
        Assert.AreEqual(ChainStatus.Intact, JournalChain.Verify(_rejected).Status);
        // The journal holds every record type.
        var types = Lines(_full).Concat(Lines(_rejected)).Select(TypeOf).ToHashSet();
        foreach (var type in AllTypes)
            Assert.Contains(type, types);
    }

    private static readonly string[] AllTypes =
    [
        RecordTypes.Header, RecordTypes.Resumed, RecordTypes.Transition, RecordTypes.CheckTicked, RecordTypes.Approval, RecordTypes.Rejection,
        RecordTypes.CommandStarted, RecordTypes.CommandFinished, RecordTypes.CommandAccepted, RecordTypes.Failure, RecordTypes.Paused,
    ];

    /// <summary>Every byte of the first record of the type (its line end included), changed two ways, breaks the chain at that record.</summary>
    [TestMethod]
    [DataRow(RecordTypes.Header)]
    [DataRow(RecordTypes.Resumed)]
    [DataRow(RecordTypes.Transition)]
    [DataRow(RecordTypes.CheckTicked)]
    [DataRow(RecordTypes.Approval)]
    [DataRow(RecordTypes.Rejection)]
    [DataRow(RecordTypes.CommandStarted)]
    [DataRow(RecordTypes.CommandFinished)]
    [DataRow(RecordTypes.CommandAccepted)]
    [DataRow(RecordTypes.Failure)]
    [DataRow(RecordTypes.Paused)]
    public void Changing_any_byte_of_a_record_names_that_record(string type)
    {
        var journal = type == RecordTypes.Rejection ? _rejected : _full;
        var lines = Lines(journal);
        var index = lines.FindIndex(l => TypeOf(l) == type);
        Assert.IsGreaterThanOrEqualTo(0, index, $"no {type} record");
        var start = lines.Take(index).Sum(l => l.Length + 1);
        var length = lines[index].Length + 1;
        var checkedBytes = 0;
        foreach (var flip in new byte[] { 0x01, 0x20 })
        {
            for (var at = start; at < start + length; at++)
            {
                var copy = (byte[])journal.Clone();
                copy[at] ^= flip;
                var verdict = JournalChain.Verify(copy);
                // The last record's line end, changed, leaves a line without one: cut off, named all the same.
                var expected = at == journal.Length - 1 ? ChainStatus.CutOff : ChainStatus.Broken;
                Assert.AreEqual(expected, verdict.Status, $"byte {at - start} of the {type} record ^ {flip:x2}: {verdict}");
                Assert.AreEqual(index + 1, verdict.BadRecord, $"byte {at - start} of the {type} record ^ {flip:x2}: {verdict}");
                StringAssert.StartsWith(verdict.Problem, $"record {index + 1}");
                checkedBytes++;
            }
        }
        Assert.AreEqual(2 * length, checkedBytes);
    }

    [TestMethod]
    public void Removing_a_record_names_the_record_now_in_its_place()
    {
        var lines = Lines(_full);
        for (var k = 0; k < lines.Count - 1; k++)
        {
            var verdict = JournalChain.Verify(Join(lines.Where((_, i) => i != k)));
            Assert.AreEqual(ChainStatus.Broken, verdict.Status, $"record {k + 1} removed: {verdict}");
            Assert.AreEqual(k + 1, verdict.BadRecord, $"record {k + 1} removed: {verdict}");
        }
    }

    [TestMethod]
    public void Removing_the_last_record_is_shown_by_the_head_noted_before()
    {
        var lines = Lines(_full);
        var before = JournalChain.Verify(_full);
        var cut = JournalChain.Verify(Join(lines.Take(lines.Count - 1)));

        // The chain alone cannot see a cut end; the head noted from verify (or the report) does.
        Assert.AreEqual(ChainStatus.Intact, cut.Status);
        Assert.AreNotEqual(before.Head, cut.Head);
    }

    [TestMethod]
    public void Swapping_two_records_names_the_first_of_them()
    {
        var lines = Lines(_full);
        foreach (var (i, j) in new[] { (0, 1), (1, 2), (3, 9), (5, lines.Count - 1), (lines.Count - 2, lines.Count - 1) })
        {
            var swapped = lines.ToList();
            (swapped[i], swapped[j]) = (swapped[j], swapped[i]);
            var verdict = JournalChain.Verify(Join(swapped));
            Assert.AreEqual(ChainStatus.Broken, verdict.Status, $"{i + 1} <-> {j + 1}: {verdict}");
            Assert.AreEqual(i + 1, verdict.BadRecord, $"{i + 1} <-> {j + 1}: {verdict}");
        }
    }

    [TestMethod]
    public void A_record_inserted_or_appended_without_its_hash_is_named()
    {
        var lines = Lines(_full);
        var forged = "{\"type\":\"check\",\"at\":\"2026-01-01T00:00:00+00:00\",\"state\":\"ConfirmSyncWindow\",\"step\":0,\"check\":0,\"text\":\"Staging users were told\"}";
        var inserted = lines.Take(4).Append(forged).Concat(lines.Skip(4)).ToList();
        Assert.AreEqual(5, JournalChain.Verify(Join(inserted)).BadRecord);
        Assert.AreEqual(lines.Count + 1, JournalChain.Verify(Join(lines.Append(forged))).BadRecord);
    }

    [TestMethod]
    public void An_older_journal_without_a_chain_is_unchained_and_stays_so_when_resumed()
    {
        var path = Path.Combine(_folder.Path, "old.jsonl");
        File.WriteAllText(path,
            "{\"type\":\"header\",\"at\":\"2026-01-01T00:00:00+00:00\",\"version\":1,\"runId\":\"old\",\"checklist\":\"ProductionToStagingSync\",\"fingerprint\":\"" + Sync.Fingerprint + "\",\"steps\":[],\"target\":\"default\",\"user\":\"u\",\"host\":\"h\"}\n" +
            "{\"type\":\"transition\",\"at\":\"2026-01-01T00:00:01+00:00\",\"trigger\":\"Start\",\"source\":\"NotStarted\",\"destination\":\"ConfirmSyncWindow\"}\n");
        Assert.AreEqual("unchained (older format)", JournalChain.Verify(path).ToString());

        using (var writer = JournalWriter.OpenForAppend(path))
            writer.Append(new JournalRecord { Type = RecordTypes.Paused, State = "ConfirmSyncWindow", Text = "waiting" });

        var verdict = JournalChain.Verify(path);
        Assert.AreEqual(ChainStatus.Unchained, verdict.Status, verdict.ToString());
        Assert.AreEqual(3, verdict.Records);
        Assert.HasCount(3, JournalReader.Read(path), "the reader reads both formats");
    }

    [TestMethod]
    public void A_chain_stripped_from_a_chained_journal_after_its_header_is_broken_not_unchained()
    {
        var lines = Lines(_full);
        var stripped = lines.Take(1).Concat(lines.Skip(1).Select(l => l[..l.IndexOf(",\"prev\"", StringComparison.Ordinal)] + "}")).ToList();

        var verdict = JournalChain.Verify(Join(stripped));

        Assert.AreEqual(ChainStatus.Broken, verdict.Status);
        Assert.AreEqual(2, verdict.BadRecord);
    }

    [TestMethod]
    public void The_chain_starts_at_the_run_id_and_the_plan_fingerprint()
    {
        var header = Lines(_full)[0];
        var runId = System.Text.Json.JsonDocument.Parse(header).RootElement.GetProperty("runId").GetString()!;
        StringAssert.Contains(header, $"\"prev\":\"{JournalChain.Start(runId, Sync.Fingerprint)}\"");
        Assert.AreNotEqual(JournalChain.Start(runId, Sync.Fingerprint), JournalChain.Start(runId, "sha256:other"));
    }

    [TestMethod]
    public void A_torn_last_line_is_named()
    {
        var verdict = JournalChain.Verify(_full.AsSpan(0, _full.Length - 10));

        Assert.AreEqual(ChainStatus.CutOff, verdict.Status);
        Assert.AreEqual(Lines(_full).Count - 1, verdict.Records, "the records before it fit");
        Assert.AreEqual(Lines(_full).Count, verdict.BadRecord);
        StringAssert.Contains(verdict.Problem, "incomplete");
    }

    // --- journals written by the runner

    private static async Task<byte[]> FullJournal(string path)
    {
        var header = Header("full");
        // Paused at the gate: nobody to approve.
        await Run(path, new RunState(Sync, header), () => JournalWriter.Create(path, header),
            new ScriptedOperator { Approval = _ => new ApprovalDecision.Pending("waiting for the release manager") });
        // A crash in the middle of the gate's command: its start is on record, not its end.
        using (var writer = JournalWriter.OpenForAppend(path))
        {
            writer.Append(new JournalRecord { Type = RecordTypes.Resumed, User = "u2", Host = "h2", Pid = 2, State = "ConfirmSyncWindow" });
            writer.Append(new JournalRecord { Type = RecordTypes.CommandStarted, State = "ConfirmSyncWindow", Command = 0, Line = "echo approve-window >> log" });
        }
        // Resumed: the interrupted command is accepted as done, the gate approved, the import fails and is rolled back.
        File.WriteAllText(Path.Combine(_folder.WorkDir, "fail-import"), "");
        var state = RunState.Replay(Sync, JournalReader.Read(path), path);
        var @operator = new ScriptedOperator { Interrupted = InterruptedCommandAction.MarkDone, Approval = _ => new ApprovalDecision.Approved("Ann Lee", "test") };
        @operator.Failures.Enqueue(FailureAction.RollBack);
        var outcome = await Run(path, state, () =>
        {
            var writer = JournalWriter.OpenForAppend(path);
            writer.Append(new JournalRecord { Type = RecordTypes.Resumed, User = "u3", Host = "h3", Pid = 3, State = state.State });
            return writer;
        }, @operator);
        File.Delete(Path.Combine(_folder.WorkDir, "fail-import"));
        Assert.AreEqual(RunOutcome.RolledBack, outcome);
        return File.ReadAllBytes(path);
    }

    private static async Task<byte[]> RejectedJournal(string path)
    {
        var header = Header("rejected");
        var outcome = await Run(path, new RunState(Sync, header), () => JournalWriter.Create(path, header),
            new ScriptedOperator { Approval = _ => new ApprovalDecision.Rejected("Carol", "staging is in use", "test") });
        Assert.AreEqual(RunOutcome.Aborted, outcome);
        return File.ReadAllBytes(path);
    }

    private static JournalRecord Header(string runId) => new()
    {
        Type = RecordTypes.Header, Version = 1, RunId = runId, Checklist = Sync.Name, Fingerprint = Sync.Fingerprint, Target = "default",
        Steps = Sync.Steps.Select(s => new StepFingerprint(s.Name, s.Fingerprint)).ToArray(), User = "u", Host = "h", Pid = 1,
    };

    private static async Task<RunOutcome> Run(string path, RunState state, Func<JournalWriter> open, ScriptedOperator @operator)
    {
        _ = path;
        var inputs = RunInputs.Resolve(Sync, new Dictionary<string, string> { ["WorkDir"] = _folder.WorkDir, ["StagingHost"] = "staging.local" },
            ask: null, environment: name => name == "API_TOKEN" ? "t0k3n" : null);
        using var journal = new FileRunJournal(open(), null, 0);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        return await new ChecklistRunner(state, journal, inputs, @operator, console).RunAsync(CancellationToken.None);
    }

    private static List<string> Lines(byte[] journal) =>
        Encoding.UTF8.GetString(journal).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static byte[] Join(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));

    private static string TypeOf(string line) => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()!;
}
