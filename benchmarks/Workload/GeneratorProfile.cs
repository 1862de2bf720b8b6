using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Workload;

/// <summary>
/// Where a full generator run goes (<c>--profile</c>): the first run in this fresh process (cold: the
/// generator's code is JIT-compiled as it runs, Humanizer and Roslyn's paths loaded), then warm runs,
/// each a new driver over a new compilation of freshly parsed trees, with Roslyn's step tracking on: the
/// time of each named pipeline step (our parse is the attribute-matching step's transform, the
/// emitters are the source outputs), and the JIT's own time and method count in each run.
/// </summary>
public static class GeneratorProfile
{
    public static void Print(int checklists, int steps, int warmRuns, TextWriter output)
    {
        var sources = SyntheticChecklists.Generate(checklists, steps);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generator profile: {checklists} checklists x {steps} steps; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        output.WriteLine("| run | whole run | JIT time | methods JIT-compiled | allocated | " + string.Join(" | ", StepNames) + " |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | " + string.Join(" | ", StepNames.Select(_ => "---:")) + " |");
        for (var run = 0; run <= warmRuns; run++)
        {
            // Freshly parsed trees each run, as each build has (our parser's cache never hits them); the
            // compiler parses before any generator runs, so parsing is outside the measured time.
            var compilation = InMemoryCompilation.Create(sources);
            var jitBefore = JitInfo.GetCompilationTime(currentThread: false);
            var methodsBefore = JitInfo.GetCompiledMethodCount(currentThread: false);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var result = InMemoryCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation).GetRunResult().Results.Single();
            var elapsed = clock.Elapsed;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var jit = JitInfo.GetCompilationTime(currentThread: false) - jitBefore;
            var methods = JitInfo.GetCompiledMethodCount(currentThread: false) - methodsBefore;
            // Output steps are listed in both collections: count each step once.
            var byStep = result.TrackedSteps.Concat(result.TrackedOutputSteps)
                .SelectMany(s => s.Value.Select(step => (s.Key, Step: step)))
                .DistinctBy(s => s.Step)
                .GroupBy(s => s.Key)
                .ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Step.ElapsedTime));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(run == 0 ? "cold (first in the process)" : $"warm {run}")} | {Ms(elapsed)} | {Ms(jit)} | {methods} | {allocated / 1048576.0:0.0} MB | ")
                + string.Join(" | ", StepNames.Select(n => byStep.TryGetValue(n, out var t) ? Ms(t) : "-")) + " |");
        }
        output.WriteLine("Steps: Checklists = Roslyn's attribute matching plus our parse (the transform); SourceOutput = the emitters (and AddSource);");
        output.WriteLine("the rest of a run is the driver's own work (the declaration table, attribute binding outside the transform).");
    }

    /// <summary>
    /// Where a one-checklist edit goes (<c>--profile-edit</c>): a driver that has run once over the
    /// checklists is given the compilation with the middle checklist edited, as an IDE keeps it; after
    /// warm-up rounds (so the code runs optimized), the median of the edit runs, whole and by step.
    /// </summary>
    public static void PrintEdit(int checklists, int steps, int edits, TextWriter output)
    {
        var original = InMemoryCompilation.Create(SyntheticChecklists.Generate(checklists, steps));
        var middle = checklists / 2;
        const int warmUp = 20;
        var whole = new List<double>();
        var byStep = StepNames.ToDictionary(n => n, _ => new List<double>());
        for (var round = 0; round < warmUp + edits; round++)
        {
            var driver = InMemoryCompilation.CreateDriver(trackSteps: true).RunGenerators(original.Clone());
            var edited = InMemoryCompilation.Replace(original, SyntheticChecklists.PathOf(middle), SyntheticChecklists.Checklist(middle, steps, round + 1));
            var clock = Stopwatch.StartNew();
            var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
            var elapsed = clock.Elapsed;
            if (round < warmUp)
                continue;
            whole.Add(elapsed.TotalMilliseconds);
            var times = result.TrackedSteps.Concat(result.TrackedOutputSteps)
                .SelectMany(s => s.Value.Select(step => (s.Key, Step: step)))
                .DistinctBy(s => s.Step)
                .GroupBy(s => s.Key)
                .ToDictionary(g => g.Key, g => g.Sum(s => s.Step.ElapsedTime.TotalMilliseconds));
            foreach (var name in StepNames)
                byStep[name].Add(times.TryGetValue(name, out var t) ? t : 0);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"One-checklist edit: {checklists} checklists x {steps} steps, median of {edits} edits after {warmUp} warm-up rounds; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        output.WriteLine("| whole run | " + string.Join(" | ", StepNames) + " |");
        output.WriteLine("| ---: | " + string.Join(" | ", StepNames.Select(_ => "---:")) + " |");
        output.WriteLine($"| {Median(whole)} | " + string.Join(" | ", StepNames.Select(n => Median(byStep[n]))) + " |");
    }

    private static string Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2].ToString("0.00", CultureInfo.InvariantCulture) + " ms";
    }

    private static readonly string[] StepNames = ["Checklists", "Generatable", "CatalogEntries", "Catalog", "SourceOutput"];

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
