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

    private JournalWriter(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
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
        var writer = new JournalWriter(path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0));
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

    /// <summary>Opens an existing journal to append to it (the caller has read and validated it).</summary>
    public static JournalWriter OpenForAppend(string path)
    {
        // Not FileMode.Append: a record that fails half-way is cut off again (see Append), which Append mode forbids.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0);
        stream.Seek(0, SeekOrigin.End);
        return new JournalWriter(path, stream);
    }

    /// <summary>Writes one record and flushes it to the disk.</summary>
    public void Append(JournalRecord record)
    {
        var line = JsonSerializer.Serialize(record, JournalJson.Options) + "\n";
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
