using BenchmarkDotNet.Attributes;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores;
using ChecklistDsl.Cli.Stores.File;
using ChecklistDsl.Cli.Stores.Postgres;

namespace ChecklistDsl.Benchmarks;

/// <summary>
/// One journal record made durable, as the runner does before each action: the file store (one write,
/// flushed to the disk) and the PostgreSQL store (one committed transaction: the record, the run's row,
/// a NOTIFY). Records per second are 1 / Mean. The PostgreSQL case needs a database:
/// <c>CHECKLIST_BENCH_POSTGRES</c> (a connection string; scripts/measure-run-store.sh starts a throwaway
/// cluster and sets it).
/// </summary>
[MemoryDiagnoser]
public class RunStoreBenchmarks
{
    public const string Variable = "CHECKLIST_BENCH_POSTGRES";

    private string _folder = "";
    private IRunStore _store = null!;
    private IRunJournal _journal = null!;
    private JournalRecord _record = null!;

    [Params("file", "postgres")]
    public string Store { get; set; } = "file";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "checklist-bench-" + Guid.NewGuid().ToString("N")[..8]);
        if (Store == "file")
        {
            _store = new FileRunStore(StateDirectory.At(_folder));
        }
        else
        {
            var connection = Environment.GetEnvironmentVariable(Variable)
                ?? throw new InvalidOperationException($"Set {Variable} to a PostgreSQL connection string (scripts/measure-run-store.sh does).");
            _store = PostgresRunStore.Open(connection, null);
        }
        var id = StateDirectory.NewRunId("Bench", DateTimeOffset.UtcNow);
        _journal = _store.Start(new JournalRecord
        {
            Type = RecordTypes.Header, Version = 1, RunId = id, Checklist = "Bench", Title = "Bench", Fingerprint = "f",
            Steps = [new StepFingerprint("Only", "f")], Target = id, User = "bench", Host = Environment.MachineName, Pid = Environment.ProcessId,
        });
        // The size of a typical command-finished record: a line, a short output.
        _record = new JournalRecord { Type = RecordTypes.CommandFinished, State = "Only", Command = 0, ExitCode = 0, Output = new string('x', 200) };
    }

    [Benchmark]
    public void Append() => _journal.Append(_record);

    [GlobalCleanup]
    public void Cleanup()
    {
        _journal.Dispose();
        _store.Dispose();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
