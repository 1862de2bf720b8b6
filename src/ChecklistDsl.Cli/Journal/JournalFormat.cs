namespace ChecklistDsl.Cli.Journal;

/// <summary>The journal format: the header's <c>version</c>, written by <c>run</c> and checked by <see cref="JournalReader"/>.</summary>
internal static class JournalFormat
{
    /// <summary>
    /// The format this tool writes and the newest it reads. Raise it with any change an older tool would
    /// misread, so that the older tool refuses the journal instead of writing to it.
    /// </summary>
    public const int Version = 1;

    /// <summary>Refuses the journal whose <paramref name="header"/> is of a newer format; a header without a version is of the first.</summary>
    /// <exception cref="JournalFormatException">A newer tool wrote it.</exception>
    public static void Check(JournalRecord header, string journal)
    {
        if (header.Type == RecordTypes.Header && header.Version > Version)
            throw new JournalFormatException(journal, header.Version.Value);
    }
}
