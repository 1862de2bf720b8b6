namespace ChecklistDsl.Cli.Tests.Support;

/// <summary>A fresh folder per test: the run's current folder (with .checklist/) and its WorkDir.</summary>
internal sealed class TempFolder : ChecklistDsl.Tests.Shared.TempFolder
{
    public TempFolder() => Directory.CreateDirectory(WorkDir);

    /// <summary>The sample checklists' stand-in for servers: their commands write here.</summary>
    public string WorkDir => Combine("work");

    public string RunsFolder => Combine(".checklist", "runs");

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
}
