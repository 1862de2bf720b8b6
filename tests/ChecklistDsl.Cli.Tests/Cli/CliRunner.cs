using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>Shorthands for the process tests: the sample assembly, the usual inputs, a fixed secret.</summary>
internal static class Sample
{
    /// <summary>A secret value no other text contains, so its absence means something.</summary>
    public const string Token = "tok-7Qx9-unmistakable-Zr41";

    public static readonly string[] FullSyncLog =
        ["approve-window", "check-api", "backup", "sync-files", "drop-db", "import-db", "flush-cache", "verify"];

    public static Dictionary<string, string> Environment(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string> { ["API_TOKEN"] = Token };
        foreach (var (name, value) in extra)
            environment[name] = value;
        return environment;
    }

    /// <summary>Runs <c>checklist VERB ... --assembly SampleChecklists.dll</c> in the folder.</summary>
    public static CliResult Cli(TempFolder folder, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        CliProcess.Run(folder.Path, environment, [.. args, "--assembly", SampleChecklists.AssemblyPath]);

    /// <summary><c>run ProductionToStagingSync</c> with its inputs and --yes.</summary>
    public static string[] SyncRun(TempFolder folder, params string[] more) =>
        ["run", "ProductionToStagingSync", "--input", $"WorkDir={folder.WorkDir}", "--input", "StagingHost=staging.local", "--yes", .. more];
}
