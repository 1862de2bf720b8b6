using System.Text;
using System.Text.Json;

namespace ChecklistDsl.Cli.Journal;

/// <summary>A journal that cannot be read; names the file and the first bad line. The file is left as it is.</summary>
internal class JournalCorruptException(string path, int line, string problem, string message) : Exception(message)
{
    public JournalCorruptException(string path, int line, string problem)
        : this(path, line, problem, $"The journal '{path}' is unreadable at line {line}: {problem}. The file was left untouched; " +
                                    "inspect or repair it by hand, or start a new run.")
    {
    }

    public string JournalPath { get; } = path;
    public int LineNumber { get; } = line;
    public string Problem { get; } = problem;
}

/// <summary>A journal in a newer <see cref="JournalFormat"/> than this tool reads: a newer tool wrote it. Left as it is.</summary>
internal sealed class JournalFormatException(string path, int version)
    : JournalCorruptException(path, 1, $"journal format {version}, newer than this tool reads ({JournalFormat.Version})", JournalFormat.Refusal(path, version));

/// <summary>Reads a run journal and checks its shape, without ever writing to it.</summary>
internal static class JournalReader
{
    /// <summary>Reads every record; throws <see cref="JournalCorruptException"/> at the first bad line.</summary>
    public static IReadOnlyList<JournalRecord> Read(string path) => Read(path, allowTornTail: false, out _);

    /// <summary>
    /// Reads every record. With <paramref name="allowTornTail"/>, a last line without its line end (a
    /// record whose write a crash cut short: never acknowledged, so its action was never taken) is left
    /// out and described in <paramref name="torn"/> instead of refused; any other bad line still throws.
    /// </summary>
    public static IReadOnlyList<JournalRecord> Read(string path, bool allowTornTail, out TornTail? torn)
    {
        torn = null;
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        var text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes);
        var lines = text.Split('\n');
        var records = new List<JournalRecord>(lines.Length);
        // Split leaves one empty string after the final "\n"; anything else there is an unfinished line.
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i];
            var isLast = i == lines.Length - 1;
            if (isLast)
            {
                if (line.Length == 0)
                    break;
                if (allowTornTail && i > 0)
                {
                    var whole = bytes.AsSpan().LastIndexOf((byte)'\n') + 1;
                    torn = new TornTail(path, whole, bytes.Length - whole);
                    break;
                }
                if (i == 0)
                    throw new JournalCorruptException(path, number, "the header is incomplete (no line end): the run was cut off while starting, before any step; start a new run");
                throw new JournalCorruptException(path, number, "the last line is incomplete (no line end): the run was cut off while writing it");
            }
            if (string.IsNullOrWhiteSpace(line))
                throw new JournalCorruptException(path, number, "the line is empty");
            JournalRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<JournalRecord>(line, JournalJson.Options);
            }
            catch (JsonException e)
            {
                throw new JournalCorruptException(path, number, $"not a valid record ({e.Message.Split('.')[0]})");
            }
            if (record is null)
                throw new JournalCorruptException(path, number, "not a valid record (null)");
            // Before any other check: a newer format may hold what this tool would call a bad line.
            if (i == 0 && JournalFormat.Newer(record) is { } newer)
                throw new JournalFormatException(path, newer);
            var problem = Validate(record, isFirst: i == 0);
            if (problem is not null)
                throw new JournalCorruptException(path, number, problem);
            records.Add(record);
        }
        if (records.Count == 0)
            throw new JournalCorruptException(path, 1, "the journal is empty (no header)");
        return records;
    }

    private static string? Validate(JournalRecord r, bool isFirst)
    {
        if (isFirst != (r.Type == RecordTypes.Header))
            return isFirst ? $"the first record must be the header, not '{r.Type}'" : "a second header";
        return r.Type switch
        {
            RecordTypes.Header when r.Version < 1
                => $"journal format {r.Version} does not exist",
            RecordTypes.Header when r.RunId is null || r.Checklist is null || r.Fingerprint is null || r.Steps is null || r.Target is null
                => "the header lacks its run id, checklist, fingerprint, steps or target",
            RecordTypes.Transition when r.Trigger is null || r.Source is null || r.Destination is null
                => "a transition without trigger, source or destination",
            RecordTypes.Transition when !Enum.TryParse<ChecklistTrigger>(r.Trigger, out _)
                => $"unknown trigger '{r.Trigger}'",
            RecordTypes.CheckTicked when r.Step is null || r.Check is null
                => "a check without step or check index",
            RecordTypes.Approval or RecordTypes.Rejection when r.Step is null || string.IsNullOrWhiteSpace(r.Approver)
                => "an approval without step or approver",
            RecordTypes.CommandStarted or RecordTypes.CommandFinished or RecordTypes.CommandAccepted when r.State is null || r.Command is null
                => "a command record without state or command index",
            RecordTypes.ConditionSkipped when r.State is null || r.Step is null || r.Input is null
                => "a condition-skipped record without state, step or input",
            RecordTypes.WaitStarted or RecordTypes.Poll or RecordTypes.WaitTimedOut when r.State is null
                => "a wait record without state",
            RecordTypes.ConditionSkipped or RecordTypes.WaitStarted or RecordTypes.Poll or RecordTypes.WaitTimedOut => null,
            RecordTypes.TornTailSetAside when string.IsNullOrEmpty(r.Text)
                => "a torn-tail record without the file it was set aside to",
            RecordTypes.Header or RecordTypes.Resumed or RecordTypes.TornTailSetAside or RecordTypes.Transition or RecordTypes.CheckTicked or RecordTypes.Approval
                or RecordTypes.Rejection or RecordTypes.CommandStarted or RecordTypes.CommandFinished or RecordTypes.CommandAccepted
                or RecordTypes.Failure or RecordTypes.Paused or RecordTypes.Abandoned or RecordTypes.Unlocked or RecordTypes.AwaitingApproval => null,
            _ => $"unknown record type '{r.Type}'",
        };
    }
}
