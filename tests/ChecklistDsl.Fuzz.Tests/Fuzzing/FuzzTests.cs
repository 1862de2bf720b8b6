using System.Globalization;

namespace ChecklistDsl.Fuzz.Tests.Fuzzing;

/// <summary>
/// The fuzz runs. CI runs a fixed list of seeds plus a small batch from a time-based seed (printed, and
/// in the failure message, so any failure can be replayed). scripts/fuzz.sh runs the second test with
/// FUZZ_COUNT=10000; FUZZ_SEED=n replays one seed; FUZZ_REPORT=path writes the full report to a file.
/// </summary>
[TestClass]
public sealed class FuzzTests
{
    private const int FixedSeedCount = 200;
    private const int DefaultBatch = 50;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Fixed_seeds_run_through_generator_analyzers_and_code_fixes_without_a_failure()
    {
        var report = await FuzzRun.RunAsync([.. Enumerable.Range(1, FixedSeedCount)], Environment.ProcessorCount);
        TestContext.WriteLine(report.Summary);
        Assert.AreEqual(FixedSeedCount, report.Count);
        Assert.IsEmpty(report.Failures, report.Format(maxShown: 5));
    }

    [TestMethod]
    public async Task Time_seeded_batch_runs_through_generator_analyzers_and_code_fixes_without_a_failure()
    {
        var seeds = Seeds(out var description);
        TestContext.WriteLine($"fuzz: {description}");
        Console.WriteLine($"fuzz: {description}");
        var lastPercent = 0;
        var report = await FuzzRun.RunAsync(seeds, Environment.ProcessorCount, done =>
        {
            // Long runs (scripts/fuzz.sh) say how far they are.
            var percent = (int)(done * 100L / seeds.Count);
            if (seeds.Count >= 1000 && percent >= lastPercent + 10 && Interlocked.Exchange(ref lastPercent, percent) < percent)
                Console.WriteLine($"fuzz: {done}/{seeds.Count}");
        });
        var full = $"fuzz: {description}\n{report.Format()}";
        if (Environment.GetEnvironmentVariable("FUZZ_REPORT") is { Length: > 0 } path)
            await File.WriteAllTextAsync(path, full);
        Console.WriteLine(report.Summary);
        Assert.AreEqual(seeds.Count, report.Count);
        Assert.IsEmpty(report.Failures, $"{description}\n{report.Format(maxShown: 5)}");
    }

    /// <summary>FUZZ_SEED (one seed), else FUZZ_COUNT seeds (default 50) from FUZZ_SEED_BASE or the clock.</summary>
    private static List<int> Seeds(out string description)
    {
        if (Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } single)
        {
            var seed = int.Parse(single, CultureInfo.InvariantCulture);
            description = $"replaying seed {seed}";
            return [seed];
        }
        var count = Environment.GetEnvironmentVariable("FUZZ_COUNT") is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : DefaultBatch;
        var first = Environment.GetEnvironmentVariable("FUZZ_SEED_BASE") is { Length: > 0 } baseText
            ? int.Parse(baseText, CultureInfo.InvariantCulture)
            // Past the fixed seeds, from the clock: runs a second apart get disjoint batches of up to 10,000.
            : FixedSeedCount + 1 + (int)(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond % 100_000) * 10_000;
        description = $"{count} seeds from {first} (replay with FUZZ_SEED_BASE={first} FUZZ_COUNT={count})";
        return [.. Enumerable.Range(first, count)];
    }
}
