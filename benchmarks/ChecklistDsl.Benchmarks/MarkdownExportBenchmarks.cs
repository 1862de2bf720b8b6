using BenchmarkDotNet.Attributes;
using ChecklistDsl.Runbooks;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Benchmarks;

/// <summary>
/// The build's runbook export over 1,000 checklists: read the generated Markdown constants from the
/// built assembly's metadata (ChecklistDsl.Build's reader) and write the runbooks and the index.
/// </summary>
[MemoryDiagnoser]
public class MarkdownExportBenchmarks
{
    private const int Checklists = 1000;
    private string _directory = null!;
    private string _assembly = null!;
    private string _runbooks = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "checklistdsl-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_directory);
        _assembly = Path.Combine(_directory, "Checklists.Synthetic.dll");
        _runbooks = Path.Combine(_directory, "runbooks");
        using (var file = File.Create(_assembly))
        {
            var emitted = Sizes.WithGeneratedCode(Checklists).Emit(file);
            if (!emitted.Success)
                throw new InvalidOperationException("The synthetic assembly does not compile: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
        }
        var read = RunbookMetadataReader.Read(_assembly);
        if (read.Runbooks.Count != Checklists)
            throw new InvalidOperationException($"Expected {Checklists} runbooks, read {read.Runbooks.Count}.");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [IterationSetup(Target = nameof(ExportToEmptyFolder))]
    public void EmptyFolder()
    {
        if (Directory.Exists(_runbooks))
            Directory.Delete(_runbooks, recursive: true);
    }

    [IterationSetup(Target = nameof(ExportUnchanged))]
    public void UpToDateFolder() => Export();

    /// <summary>Reading the 1,000 runbooks from metadata, nothing written.</summary>
    [Benchmark]
    public int ReadFromMetadata() => RunbookMetadataReader.Read(_assembly).Runbooks.Count;

    /// <summary>The first build: every file is new.</summary>
    [Benchmark]
    public int ExportToEmptyFolder() => Export();

    /// <summary>A rebuild with no checklist changed: every file is compared, none rewritten.</summary>
    [Benchmark]
    public int ExportUnchanged() => Export();

    private int Export() =>
        RunbookFolder.Write(_runbooks, RunbookFolder.ExpectedFiles(RunbookMetadataReader.Read(_assembly).Runbooks)).Count;
}
