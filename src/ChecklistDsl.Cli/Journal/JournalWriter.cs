using System.Text;
using System.Text.Json;

namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// Appends records to a run journal, one JSON line each, and forces every record to the disk
/// (<see cref="FileStream.Flush(bool)"/> with <c>true</c>) before returning, so that the next action
/// is only taken once its predecessor is on record.
/// </summary>
internal sealed class JournalWriter : IDisposable
{
    private readonly FileStream _stream;
    // The hash of the last record written (the next record's "prev"); null for an older, unchained journal.
    private string? _previous;

    private JournalWriter(string path, FileStream stream, string? previous)
    {
        Path = path;
        _stream = stream;
        _previous = previous;
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>A test hook: when set to N (or TYPE:N), the process kills itself right after writing its N-th record (of that type; see README-CLI.md).</summary>
    internal const string CrashAfterRecordsVariable = "CHECKLIST_TEST_CRASH_AFTER_RECORDS";
    private static readonly CrashHook? Crash = CrashHook.FromEnvironment(CrashAfterRecordsVariable);

    /// <summary>Creates a new journal and writes its header; fails if the file exists.</summary>
    public static JournalWriter Create(string path, JournalRecord header)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var writer = new JournalWriter(path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0),
            JournalChain.Start(header.RunId!, header.Fingerprint!));
        try
        {
            writer.Append(header);
        }
        catch (IOException)
        {
            // No header on disk (a full disk): leave no journal that no reader could open.
            writer.Dispose();
            File.Delete(path);
            throw;
        }
        return writer;
    }

    /// <summary>
    /// Opens an existing journal to append to it (the caller has read and validated it). New records
    /// continue its hash chain; an older journal without one stays unchained.
    /// </summary>
    public static JournalWriter OpenForAppend(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false));
        // A record appended after a torn last line would be glued onto it: the caller sets the tail aside first.
        if (text.Length > 0 && text[^1] != '\n')
            throw new JournalCorruptException(path, text.Count(c => c == '\n') + 1, "the last line is incomplete (cut off by a crash while it was written); `checklist resume` sets it aside");
        var previous = JournalChain.HashOf(LastLine(text));
        // Not FileMode.Append: a record that fails half-way is cut off again (see Append), which Append mode forbids.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0);
        stream.Seek(0, SeekOrigin.End);
        return new JournalWriter(path, stream, previous);
    }

    // The last line (the file ends with a line end).
    private static string LastLine(string text)
    {
        var end = text.LastIndexOf('\n');
        if (end <= 0)
            return "";
        var start = text.LastIndexOf('\n', end - 1) + 1;
        return text[start..end];
    }

    /// <summary>Writes one record and flushes it to the disk.</summary>
    public void Append(JournalRecord record)
    {
        string line;
        string? hash = null;
        if (_previous is null)
        {
            line = JsonSerializer.Serialize(record with { Prev = null }, JournalJson.Options) + "\n";
        }
        else
        {
            (line, hash) = JournalChain.Seal(JsonSerializer.Serialize(record with { Prev = _previous }, JournalJson.Options));
            line += "\n";
        }
        var start = _stream.Position;
        try
        {
            // One write per record: a crash leaves at worst one incomplete last line, which the reader reports.
            _stream.Write(Encoding.UTF8.GetBytes(line));
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException e)
        {
            // A full disk may take part of the line: cut it off, so the journal still ends with a whole
            // record and the run can be resumed once there is space. (Unbuffered: nothing is left pending.)
            try
            {
                _stream.SetLength(start);
            }
            catch (IOException)
            {
                // The reader reports an incomplete last line, as after a crash.
            }
            throw new JournalWriteException(Path, e);
        }
        if (hash is not null)
            _previous = hash;
        if (Crash?.After(record) == true)
            System.Diagnostics.Process.GetCurrentProcess().Kill();
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>A record could not be written (a full disk, a lost volume): the run must not take its next action.</summary>
internal sealed class JournalWriteException(string path, IOException inner)
    : IOException($"Could not write to the journal {path}: {inner.Message}", inner)
{
    /// <summary>The journal file.</summary>
    public string JournalPath { get; } = path;
}
