namespace ChecklistDsl.Cli.Journal;

/// <summary>What <c>status</c> shows of a run, read from its journal alone (no checklist assembly needed).</summary>
internal sealed record RunSummary(
    string RunId,
    string Checklist,
    string Target,
    string State,
    int StepsDone,
    int StepCount,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivity,
    string Journal,
    string? Problem)
{
    /// <summary>Whether the run reached an end state (or was abandoned).</summary>
    public bool IsFinished => RunStates.IsEnd(State);

    /// <summary>The user who started the run.</summary>
    public string User { get; init; } = "?";

    /// <summary>The host the run started on.</summary>
    public string Host { get; init; } = "?";

    /// <summary>A torn last record (a crash mid-write), which <c>resume</c> sets aside; the summary is read without it.</summary>
    public TornTail? Torn { get; init; }

    /// <summary>Summarises a journal; an unreadable one gives a summary that says so (status never stops on it).</summary>
    public static RunSummary Read(string path)
    {
        var id = Path.GetFileNameWithoutExtension(path);
        IReadOnlyList<JournalRecord> records;
        TornTail? torn;
        try
        {
            records = JournalReader.Read(path, allowTornTail: true, out torn);
        }
        catch (JournalCorruptException e)
        {
            // A bad later line does not hide what the header says.
            var first = e.LineNumber > 1 ? ReadHeader(path) : null;
            return new RunSummary(first?.RunId ?? id, first?.Checklist ?? "?", first?.Target ?? "?", "unreadable", 0, first?.Steps?.Count ?? 0,
                first is null ? "?" : $"{first.User}@{first.Host}", first?.At ?? default, default, path, $"line {e.LineNumber}: {e.Problem}");
        }
        var header = records[0];
        var stepNames = header.Steps!.Select(s => s.Name).ToHashSet();
        var state = ChecklistMachine.NotStarted;
        var done = 0;
        foreach (var r in records)
        {
            if (r.Type == RecordTypes.Abandoned)
                state = RunStates.Abandoned;
            if (r.Type != RecordTypes.Transition)
                continue;
            if (stepNames.Contains(r.Source!) && r.Trigger is nameof(ChecklistTrigger.Complete) or nameof(ChecklistTrigger.Approve) or nameof(ChecklistTrigger.Skip))
                done++;
            state = r.Destination!;
        }
        return new RunSummary(header.RunId!, header.Checklist!, header.Target!, state, done, header.Steps!.Count,
            $"{header.User}@{header.Host}", header.At, records[^1].At, path, null) { User = header.User ?? "?", Host = header.Host ?? "?", Torn = torn };
    }

    /// <summary>The first line, when it is a whole header; <see langword="null"/> otherwise.</summary>
    private static JournalRecord? ReadHeader(string path)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var line = reader.ReadLine();
            var header = line is null ? null : System.Text.Json.JsonSerializer.Deserialize<JournalRecord>(line, JournalJson.Options);
            return header is { Type: RecordTypes.Header, RunId: not null, Checklist: not null } ? header : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException)
        {
            return null;
        }
    }
}
