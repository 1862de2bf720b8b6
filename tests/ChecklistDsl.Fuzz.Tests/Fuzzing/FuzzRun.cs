using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ChecklistDsl.Fuzz.Tests.Fuzzing;

/// <summary>A case that failed, and how.</summary>
internal sealed record FuzzFailure(FuzzCase Case, IReadOnlyList<string> Problems);

/// <summary>How many cases ran and which failed.</summary>
internal sealed record FuzzReport(int Count, IReadOnlyList<FuzzFailure> Failures)
{
    public string Summary => string.Format(CultureInfo.InvariantCulture, "fuzz: {0} mutations run, {1} failures", Count, Failures.Count);

    /// <summary>The summary, then each failure: seed, mutations, source and what went wrong.</summary>
    public string Format(int maxShown = int.MaxValue)
    {
        var text = new StringBuilder(Summary).Append('\n');
        foreach (var failure in Failures.Take(maxShown))
        {
            text.Append("\n=== FAILURE ").Append(failure.Case.Describe());
            foreach (var problem in failure.Problems)
                text.Append(">>> ").Append(problem).Append('\n');
        }
        if (Failures.Count > maxShown)
            text.Append(CultureInfo.InvariantCulture, $"\n... and {Failures.Count - maxShown} more failures: seeds {string.Join(", ", Failures.Skip(maxShown).Select(f => f.Case.Seed))}\n");
        return text.ToString();
    }
}

/// <summary>Runs seeds through <see cref="Mutator"/> and <see cref="FuzzTarget"/>.</summary>
internal static class FuzzRun
{
    public static async Task<FuzzReport> RunAsync(IReadOnlyList<int> seeds, int parallelism, Action<int>? progress = null)
    {
        var failures = new ConcurrentBag<FuzzFailure>();
        var done = 0;
        await Parallel.ForEachAsync(seeds, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (seed, _) =>
        {
            var fuzzCase = Mutator.Create(seed);
            IReadOnlyList<string> problems;
            try
            {
                problems = await FuzzTarget.CheckAsync(fuzzCase.Files);
            }
            catch (Exception exception)
            {
                // Whatever escaped the target's own checks (a throw inside the compiler APIs while driving them).
                problems = ["unhandled: " + exception];
            }
            if (problems.Count > 0)
                failures.Add(new FuzzFailure(fuzzCase, problems));
            var count = Interlocked.Increment(ref done);
            progress?.Invoke(count);
        });
        return new FuzzReport(seeds.Count, [.. failures.OrderBy(f => f.Case.Seed)]);
    }
}
