namespace ChecklistDsl.Cli.Journal;

/// <summary>The journal format: the header's <c>version</c>, written by <c>run</c> and checked by <see cref="JournalReader"/>.</summary>
internal static class JournalFormat
{
    /// <summary>
    /// The format this tool writes and the newest it reads. Raise it with any change an older tool would
    /// misread, so that the older tool refuses the journal instead of writing to it.
    /// </summary>
    public const int Version = 1;

    /// <summary>The header's format when it is newer than <see cref="Version"/>; a header without a version is of the first.</summary>
    public static int? Newer(JournalRecord header) =>
        header.Type == RecordTypes.Header && header.Version > Version ? header.Version : null;

    /// <summary>Why a journal of a newer format is refused, and what to do.</summary>
    public static string Refusal(string journal, int version) =>
        $"The journal '{journal}' is in journal format {version}, written by a newer checklist tool; this one reads format " +
        $"{Version} and older. It was left untouched: update the tool (dotnet tool update ChecklistDsl.Cli) to go on with this run.";
}
