using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Workload;

/// <summary>
/// Where a full generator run goes (<c>--profile</c>): the first run in this fresh process (cold: the
/// generator's code is JIT-compiled as it runs, Humanizer and Roslyn's paths loaded), then warm runs,
/// each a new driver over an unbound clone of the compilation, with Roslyn's step tracking on: the
/// time of each named pipeline step (our parse is the attribute-matching step's transform, the
/// emitters are the source outputs), and the JIT's own time and method count in each run.
/// </summary>
public static class GeneratorProfile
{
    public static void Print(int checklists, int steps, int warmRuns, TextWriter output)
    {
        var compilation = InMemoryCompilation.Create(SyntheticChecklists.Generate(checklists, steps));
        // The compiler parses before any generator runs: the trees' text is not the generator's cost.
        foreach (var tree in compilation.SyntaxTrees)
            tree.GetRoot();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generator profile: {checklists} checklists x {steps} steps; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        output.WriteLine("| run | whole run | JIT time | methods JIT-compiled | allocated | " + string.Join(" | ", StepNames) + " |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | " + string.Join(" | ", StepNames.Select(_ => "---:")) + " |");
        for (var run = 0; run <= warmRuns; run++)
        {
            Generators.Generation.Parsing.ParsedChecklistCache.Clear();
            var jitBefore = JitInfo.GetCompilationTime(currentThread: false);
            var methodsBefore = JitInfo.GetCompiledMethodCount(currentThread: false);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var result = InMemoryCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation.Clone()).GetRunResult().Results.Single();
            var elapsed = clock.Elapsed;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var jit = JitInfo.GetCompilationTime(currentThread: false) - jitBefore;
            var methods = JitInfo.GetCompiledMethodCount(currentThread: false) - methodsBefore;
            var byStep = result.TrackedSteps.Concat(result.TrackedOutputSteps)
                .ToDictionary(s => s.Key, s => s.Value.Aggregate(TimeSpan.Zero, (sum, step) => sum + step.ElapsedTime));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(run == 0 ? "cold (first in the process)" : $"warm {run}")} | {Ms(elapsed)} | {Ms(jit)} | {methods} | {allocated / 1048576.0:0.0} MB | ")
                + string.Join(" | ", StepNames.Select(n => byStep.TryGetValue(n, out var t) ? Ms(t) : "-")) + " |");
        }
        output.WriteLine("Steps: Checklists = Roslyn's attribute matching plus our parse (the transform); SourceOutput = the emitters (and AddSource);");
        output.WriteLine("the rest of a run is the driver's own work (the declaration table, attribute binding outside the transform).");
    }

    private static readonly string[] StepNames = ["Checklists", "Generatable", "CatalogEntries", "Catalog", "SourceOutput"];

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
