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
    private int _written;

    private JournalWriter(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>A test hook: when set to N, the process kills itself right after writing its N-th record (see README-CLI.md).</summary>
    internal const string CrashAfterRecordsVariable = "CHECKLIST_TEST_CRASH_AFTER_RECORDS";
    private static readonly int? CrashAfter =
        int.TryParse(Environment.GetEnvironmentVariable(CrashAfterRecordsVariable), out var n) && n > 0 ? n : null;

    /// <summary>Creates a new journal and writes its header; fails if the file exists.</summary>
    public static JournalWriter Create(string path, JournalRecord header)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var writer = new JournalWriter(path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read));
        writer.Append(header);
        return writer;
    }

    /// <summary>Opens an existing journal to append to it (the caller has read and validated it).</summary>
    public static JournalWriter OpenForAppend(string path) =>
        new(path, new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));

    /// <summary>Writes one record and flushes it to the disk.</summary>
    public void Append(JournalRecord record)
    {
        var line = JsonSerializer.Serialize(record, JournalJson.Options) + "\n";
        // One write per record: a crash leaves at worst one incomplete last line, which the reader reports.
        _stream.Write(Encoding.UTF8.GetBytes(line));
        _stream.Flush(flushToDisk: true);
        _written++;
        if (CrashAfter == _written)
            System.Diagnostics.Process.GetCurrentProcess().Kill();
    }

    public void Dispose() => _stream.Dispose();
}
