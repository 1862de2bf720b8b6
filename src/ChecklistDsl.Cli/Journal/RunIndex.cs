namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// Where this user's runs are, whatever folder they were started from: one small file per run id,
/// <c>&lt;index&gt;/&lt;run-id&gt;</c>, holding the journal's full path. With it, a hint such as
/// <c>checklist resume RUN</c> works as printed from any folder, even for a run started with
/// <c>--state-dir</c>. The index folder is <c>$CHECKLIST_HOME/runs</c>, else <c>checklist/runs</c> under
/// the user's local application data (<c>~/.local/share</c> on Linux). Nothing else is kept there: the
/// journal stays the only record of a run.
/// </summary>
internal static class RunIndex
{
    /// <summary>The environment variable that moves the index (tests, a shared machine).</summary>
    public const string HomeVariable = "CHECKLIST_HOME";

    /// <summary>The index folder.</summary>
    public static string Folder
    {
        get
        {
            var home = Environment.GetEnvironmentVariable(HomeVariable);
            if (string.IsNullOrWhiteSpace(home))
                home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "checklist");
            return Path.Combine(Path.GetFullPath(home), "runs");
        }
    }

    /// <summary>Records where a run's journal is; returns why it could not (the run goes on without it).</summary>
    public static string? Add(string runId, string journalPath)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(Path.Combine(Folder, runId), Path.GetFullPath(journalPath));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    /// <summary>The journals of the indexed runs whose id is <paramref name="run"/> or starts with it (and that still exist).</summary>
    public static IReadOnlyList<string> Find(string run)
    {
        if (!Directory.Exists(Folder) || run.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            return [];
        try
        {
            var exact = Path.Combine(Folder, run);
            var entries = File.Exists(exact) ? [exact] : Directory.GetFiles(Folder, run + "*");
            return entries.Select(e => File.ReadAllText(e).Trim()).Where(File.Exists).Distinct().ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
