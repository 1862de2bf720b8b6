namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// The last line of a journal that a crash cut short (no line end). Every record is flushed before
/// its action is taken, so the torn record's action was never taken: <see cref="SetAside"/> moves its
/// bytes to a file beside the journal (kept, for whoever wants to look) and cuts the journal back to
/// its last whole record.
/// </summary>
internal sealed record TornTail(string JournalPath, long Offset, long Length)
{
    /// <summary>The file beside the journal the torn bytes go to: <c>&lt;run-id&gt;.jsonl.torn-&lt;offset&gt;</c>.</summary>
    public string AsidePath => JournalPath + ".torn-" + Offset;

    /// <summary>
    /// Moves the torn bytes aside and cuts the journal at <see cref="Offset"/>; call it holding the
    /// run's lock. Refuses (<see cref="CliException"/>) when the journal no longer ends as read.
    /// </summary>
    public string SetAside()
    {
        using var journal = new FileStream(JournalPath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        if (journal.Length != Offset + Length)
            throw new CliException($"The journal {JournalPath} changed while it was being read (another process wrote to it); run the command again.");
        var torn = new byte[Length];
        journal.Position = Offset;
        journal.ReadExactly(torn);
        // The copy is on disk before the journal loses the bytes: a crash in between loses nothing.
        using (var aside = new FileStream(AsidePath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            aside.Write(torn);
            aside.Flush(flushToDisk: true);
        }
        journal.SetLength(Offset);
        journal.Flush(flushToDisk: true);
        return AsidePath;
    }

    /// <summary>The record that says so, appended right after the cut.</summary>
    public JournalRecord Record() => new()
    {
        Type = RecordTypes.TornTailSetAside,
        Offset = Offset,
        Length = Length,
        Text = Path.GetFileName(AsidePath),
    };
}
