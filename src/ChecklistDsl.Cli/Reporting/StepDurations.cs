using ChecklistDsl.Cli.Journal;

namespace ChecklistDsl.Cli.Reporting;

/// <summary>How long one step of a checklist took over its past runs: median and slowest, in seconds.</summary>
internal sealed record StepDuration(string Checklist, string Step, int Runs, double MedianSeconds, double SlowestSeconds, string SlowestRun);

/// <summary>
/// Per-step durations over past runs of checklists, from their journals: the time from entering a step
/// to completing it (done or approved; skipped, failed and unfinished visits are not timings of the
/// step), less the time the run was stopped in between (from the record before a <c>resumed</c> to
/// it: a pause, a crash). Used by <c>status --durations</c>; a <c>history</c> verb can show the same.
/// </summary>
internal static class StepDurations
{
    /// <summary>One row per checklist and step that completed at least once, steps in their plan's order.</summary>
    public static IReadOnlyList<StepDuration> Of(IEnumerable<IReadOnlyList<JournalRecord>> runs)
    {
        var samples = new Dictionary<(string Checklist, string Step), List<(double Seconds, string Run)>>();
        // Checklists in the order first seen, steps in their plan's order (the latest plan wins).
        var checklists = new Dictionary<string, int>();
        var stepOrder = new Dictionary<(string, string), int>();
        foreach (var records in runs)
        {
            var header = records[0];
            var checklist = header.Checklist!;
            checklists.TryAdd(checklist, checklists.Count);
            var steps = (header.Steps ?? []).Select(s => s.Name).ToList();
            for (var k = 0; k < steps.Count; k++)
                stepOrder[(checklist, steps[k])] = k;
            string? current = null;
            DateTimeOffset enteredAt = default;
            var stopped = TimeSpan.Zero;
            for (var i = 1; i < records.Count; i++)
            {
                var r = records[i];
                if (r.Type == RecordTypes.Resumed)
                {
                    stopped += r.At - records[i - 1].At;
                    continue;
                }
                if (r.Type != RecordTypes.Transition)
                    continue;
                if (current is not null && r.Source == current && r.Trigger is nameof(ChecklistTrigger.Complete) or nameof(ChecklistTrigger.Approve))
                {
                    var seconds = Math.Max(0, (r.At - enteredAt - stopped).TotalSeconds);
                    if (!samples.TryGetValue((checklist, current), out var list))
                        samples[(checklist, current)] = list = [];
                    list.Add((seconds, header.RunId!));
                }
                current = steps.Contains(r.Destination!) ? r.Destination : null;
                enteredAt = r.At;
                stopped = TimeSpan.Zero;
            }
        }
        return samples
            .OrderBy(s => checklists[s.Key.Checklist])
            .ThenBy(s => stepOrder.GetValueOrDefault(s.Key, int.MaxValue))
            .Select(s =>
            {
                var sorted = s.Value.OrderBy(v => v.Seconds).ToArray();
                var middle = sorted.Length / 2;
                var median = sorted.Length % 2 == 1 ? sorted[middle].Seconds : (sorted[middle - 1].Seconds + sorted[middle].Seconds) / 2;
                return new StepDuration(s.Key.Checklist, s.Key.Step, sorted.Length, median, sorted[^1].Seconds, sorted[^1].Run);
            })
            .ToArray();
    }
}
