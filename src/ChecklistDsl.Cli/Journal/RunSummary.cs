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
    public bool IsFinished => Stores.RunStates.IsEnd(State);

    /// <summary>The user who started the run.</summary>
    public string User { get; init; } = "?";

    /// <summary>The host the run started on.</summary>
    public string Host { get; init; } = "?";

    /// <summary>Summarises a journal; an unreadable one gives a summary that says so (status never stops on it).</summary>
    public static RunSummary Read(string path)
    {
        var id = Path.GetFileNameWithoutExtension(path);
        IReadOnlyList<JournalRecord> records;
        try
        {
            records = JournalReader.Read(path);
        }
        catch (JournalCorruptException e)
        {
            return new RunSummary(id, "?", "?", "unreadable", 0, 0, "?", default, default, path, $"line {e.LineNumber}: {e.Problem}");
        }
        var header = records[0];
        var stepNames = header.Steps!.Select(s => s.Name).ToHashSet();
        var state = ChecklistMachine.NotStarted;
        var done = 0;
        foreach (var r in records)
        {
            if (r.Type == RecordTypes.Abandoned)
                state = Stores.RunStates.Abandoned;
            if (r.Type != RecordTypes.Transition)
                continue;
            if (stepNames.Contains(r.Source!) && r.Trigger is nameof(ChecklistTrigger.Complete) or nameof(ChecklistTrigger.Approve) or nameof(ChecklistTrigger.Skip))
                done++;
            state = r.Destination!;
        }
        return new RunSummary(header.RunId!, header.Checklist!, header.Target!, state, done, header.Steps!.Count,
            $"{header.User}@{header.Host}", header.At, records[^1].At, path, null) { User = header.User ?? "?", Host = header.Host ?? "?" };
    }
}
