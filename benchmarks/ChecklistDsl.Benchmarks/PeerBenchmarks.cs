using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChecklistDsl.FloorGenerator;
using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Workload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Benchmarks;

/// <summary>The generators compared: ours, the floor under it, and two peers a .NET project already runs.</summary>
public enum Peer
{
    /// <summary>The ChecklistDsl generator over N checklists of 20 steps.</summary>
    Ours,
    /// <summary><see cref="AttributeMatchingFloor"/> over the same checklists.</summary>
    Floor,
    /// <summary>The LoggerMessage generator over N partial classes of 20 <c>[LoggerMessage]</c> methods.</summary>
    LoggerMessage,
    /// <summary>System.Text.Json's generator over N contexts of one 20-property type.</summary>
    Json,
}

/// <summary>
/// Our generator beside its floor and its peers, at the same scale (N classes of 20 attributed members),
/// in one process: a full run (a new driver over an unbound compilation, as a command-line build runs
/// it; our parser's spec cache empty) and the run after a one-class edit (a driver that has run once,
/// as an IDE keeps it; the middle class edited). The extra columns divide our figure by each row's
/// (ours ÷ peer on a peer's row, ours ÷ floor on the floor's) and fit the growth from 10 to 1,000.
/// </summary>
/// <remarks>
/// <c>--job short</c> is enough for the ratios, which are what to read on a shared host: each size's
/// four generators run one after the other within minutes, so they share the load.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(PeerColumns))]
public class PeerBenchmarks
{
    public const int Members = 20;

    private static readonly ConcurrentDictionary<(Peer, int), CSharpCompilation> Compilations = new();
    private CSharpCompilation _original = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _driver = null!;
    private int _revision;

    [Params(10, 100, 1000)]
    public int Classes { get; set; }

    [ParamsAllValues]
    public Peer Generator { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _original = Compilations.GetOrAdd((Generator, Classes), key => InMemoryCompilation.Create(key.Item1 switch
        {
            Peer.Ours or Peer.Floor => SyntheticChecklists.Generate(key.Item2, Members),
            Peer.LoggerMessage => PeerSources.LoggerMessages(key.Item2, Members),
            _ => PeerSources.JsonContexts(key.Item2, Members),
        }));
        // The peers' sources must compile with their generator, or the comparison is with a generator that gave up.
        var check = CreateDriver().RunGeneratorsAndUpdateCompilation(_original.Clone(), out var output, out _);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException($"{Generator} x {Classes}: {string.Join("; ", errors)}");
        GC.KeepAlive(check);
    }

    [IterationSetup(Target = nameof(AfterOneClassEdit))]
    public void PrepareDriver()
    {
        // A new edit each time, so no run can be answered from the previous iteration's state.
        _revision++;
        var middle = Classes / 2;
        _edited = Generator switch
        {
            Peer.Ours or Peer.Floor => InMemoryCompilation.Replace(_original, SyntheticChecklists.PathOf(middle), SyntheticChecklists.Checklist(middle, Members, _revision)),
            Peer.LoggerMessage => InMemoryCompilation.Replace(_original, PeerSources.LoggingPathOf(middle), PeerSources.LoggingClass(middle, Members, _revision)),
            _ => InMemoryCompilation.Replace(_original, PeerSources.JsonPathOf(middle), PeerSources.JsonContext(middle, Members, _revision)),
        };
        _driver = CreateDriver().RunGenerators(_original.Clone());
    }

    [Benchmark]
    public GeneratorDriver FullRun()
    {
        ParsedChecklistCache.Clear();
        return CreateDriver().RunGenerators(_original.Clone());
    }

    [Benchmark]
    public GeneratorDriver AfterOneClassEdit() => _driver.RunGenerators(_edited);

    private GeneratorDriver CreateDriver() => Generator switch
    {
        Peer.Ours => InMemoryCompilation.CreateDriver(),
        Peer.Floor => InMemoryCompilation.CreateDriver(new AttributeMatchingFloor().AsSourceGenerator()),
        Peer.LoggerMessage => InMemoryCompilation.CreateDriver(PeerGenerators.LoggerMessage()),
        _ => InMemoryCompilation.CreateDriver(PeerGenerators.Json()),
    };
}

/// <summary>The ratio and growth columns of <see cref="PeerBenchmarks"/>, computed from the run's own reports.</summary>
public sealed class PeerColumns : ManualConfig
{
    public PeerColumns() => AddColumn(
        new PeerColumn("ours ÷ this", "Our mean ÷ this row's, same method and size (on a peer's row: ours ÷ peer; on the floor's: ours ÷ floor)",
            (summary, row) => Ratio(Mean(summary, Ours(summary, row)), Mean(summary, row))),
        new PeerColumn("ours ÷ this, allocated", "Our allocations ÷ this row's, same method and size",
            (summary, row) => Ratio(Allocated(summary, Ours(summary, row)), Allocated(summary, row))),
        new PeerColumn("growth 10→1,000", "k in time ∝ N^k, least squares over the sizes run (1 is linear); and time at the largest ÷ at the smallest",
            Growth));

    private static BenchmarkCase? Ours(Summary summary, BenchmarkCase row) =>
        summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor == row.Descriptor
            && (Peer)c.Parameters[nameof(PeerBenchmarks.Generator)] == Peer.Ours
            && Equals(c.Parameters[nameof(PeerBenchmarks.Classes)], row.Parameters[nameof(PeerBenchmarks.Classes)]));

    private static double? Mean(Summary summary, BenchmarkCase? row) =>
        row is null ? null : summary[row]?.ResultStatistics?.Mean;

    private static double? Allocated(Summary summary, BenchmarkCase? row) =>
        row is null || summary[row] is not { } report ? null : report.GcStats.GetBytesAllocatedPerOperation(row);

    private static string Ratio(double? ours, double? other) =>
        ours is > 0 && other is > 0 ? (ours.Value / other.Value).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-";

    private static string Growth(Summary summary, BenchmarkCase row)
    {
        var points = summary.BenchmarksCases
            .Where(c => c.Descriptor == row.Descriptor && Equals(c.Parameters[nameof(PeerBenchmarks.Generator)], row.Parameters[nameof(PeerBenchmarks.Generator)]))
            .Select(c => (N: Convert.ToDouble(c.Parameters[nameof(PeerBenchmarks.Classes)], System.Globalization.CultureInfo.InvariantCulture), Mean: Mean(summary, c)))
            .Where(p => p.Mean is > 0)
            .Select(p => (X: Math.Log(p.N), Y: Math.Log(p.Mean!.Value), p.N, Mean: p.Mean!.Value))
            .OrderBy(p => p.N)
            .ToList();
        if (points.Count < 2)
            return "-";
        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        var k = points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
        var span = points[^1].Mean / points[0].Mean;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"k={k:0.00}; ×{span:0} for ×{points[^1].N / points[0].N:0}");
    }

    private sealed class PeerColumn(string name, string legend, Func<Summary, BenchmarkCase, string> value) : IColumn
    {
        public string Id => nameof(PeerColumn) + name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => false;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => legend;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(summary, benchmarkCase);
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => value(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
