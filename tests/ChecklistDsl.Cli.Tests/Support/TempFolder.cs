namespace ChecklistDsl.Cli.Tests.Support;

/// <summary>A fresh folder per test: the run's current folder (with .checklist/) and its WorkDir.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "checklist-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(WorkDir);
    }

    public string Path { get; }

    /// <summary>The sample checklists' stand-in for servers: their commands write here.</summary>
    public string WorkDir => System.IO.Path.Combine(Path, "work");

    public string RunsFolder => System.IO.Path.Combine(Path, ".checklist", "runs");

    /// <summary>The marker lines the sample commands appended to WorkDir/log.</summary>
    public string[] Log() =>
        File.Exists(System.IO.Path.Combine(WorkDir, "log"))
            ? File.ReadAllLines(System.IO.Path.Combine(WorkDir, "log"))
            : [];

    /// <summary>The only journal.</summary>
    public string Journal()
    {
        var journals = Directory.Exists(RunsFolder) ? Directory.GetFiles(RunsFolder, "*.jsonl") : [];
        Assert.HasCount(1, journals, "journals in " + RunsFolder);
        return journals[0];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process killed by a test may still hold a file for a moment; the temp folder is cleaned later.
        }
    }
}
