using ChecklistDsl.Cli.Journal;

namespace ChecklistDsl.Cli.Tests.Journal;

[TestClass]
public sealed class JournalReaderTests
{
    private string _path = "";

    [TestInitialize]
    public void Create() => _path = Path.Combine(Path.GetTempPath(), $"journal-{Guid.NewGuid():N}.jsonl");

    [TestCleanup]
    public void Delete() => File.Delete(_path);

    private static JournalRecord Header() => new()
    {
        Type = RecordTypes.Header, Version = 1, RunId = "r1", Checklist = "C", Fingerprint = "f", Target = "default",
        Steps = [new StepFingerprint("A", "fa")], User = "u", Host = "h", Pid = 1,
    };

    [TestMethod]
    public void Records_written_are_read_back_one_per_line()
    {
        using (var writer = JournalWriter.Create(_path, Header()))
        {
            writer.Append(new JournalRecord { Type = RecordTypes.Transition, Trigger = "Start", Source = "NotStarted", Destination = "A" });
            writer.Append(new JournalRecord { Type = RecordTypes.CommandFinished, State = "A", Command = 0, ExitCode = 0, Output = "ok \"quoted\"\nnext" });
        }

        var records = JournalReader.Read(_path);

        Assert.HasCount(3, File.ReadAllLines(_path));
        Assert.HasCount(3, records);
        Assert.AreEqual("r1", records[0].RunId);
        Assert.AreEqual("A", records[1].Destination);
        Assert.AreEqual("ok \"quoted\"\nnext", records[2].Output);
        Assert.IsTrue(records[2].Succeeded);
    }

    [TestMethod]
    public void Creating_a_journal_that_exists_fails_instead_of_overwriting_it()
    {
        using (JournalWriter.Create(_path, Header())) { }

        Assert.ThrowsExactly<IOException>(() => JournalWriter.Create(_path, Header()));
    }

    [TestMethod]
    [DataRow("", 2, "incomplete")]
    [DataRow("{\"type\":\"transition\",\"trigger\":\"Start\",\"source\":\"NotStarted\",\"destination\":\"A\"}\nnot json\n", 3, "not a valid record")]
    [DataRow("\n", 2, "empty")]
    [DataRow("{\"type\":\"transition\",\"trigger\":\"Jump\",\"source\":\"NotStarted\",\"destination\":\"A\"}\n", 2, "unknown trigger 'Jump'")]
    [DataRow("{\"type\":\"teleport\"}\n", 2, "unknown record type 'teleport'")]
    [DataRow("{\"type\":\"command-started\",\"command\":0}\n", 2, "without state")]
    public void A_bad_line_is_reported_by_number_and_the_file_is_not_modified(string tail, int line, string problem)
    {
        using (JournalWriter.Create(_path, Header())) { }
        File.AppendAllText(_path, tail.Length == 0 ? "{\"type\":\"transition\",\"trig" : tail);
        var bytes = File.ReadAllBytes(_path);

        var error = Assert.ThrowsExactly<JournalCorruptException>(() => JournalReader.Read(_path));

        Assert.AreEqual(line, error.LineNumber);
        Assert.Contains(problem, error.Problem);
        Assert.Contains($"line {line}", error.Message);
        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(_path));
    }

    [TestMethod]
    public void A_journal_must_start_with_its_header()
    {
        File.WriteAllText(_path, "{\"type\":\"transition\",\"trigger\":\"Start\",\"source\":\"NotStarted\",\"destination\":\"A\"}\n");

        var error = Assert.ThrowsExactly<JournalCorruptException>(() => JournalReader.Read(_path));

        Assert.AreEqual(1, error.LineNumber);
        Assert.Contains("must be the header", error.Problem);
    }
}
