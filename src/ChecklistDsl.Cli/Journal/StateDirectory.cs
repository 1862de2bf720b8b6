namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// Where runs keep their state: <c>.checklist/</c> under the current folder (or <c>--state-dir</c>),
/// with <c>runs/&lt;run-id&gt;.jsonl</c> journals and <c>locks/</c>.
/// </summary>
internal sealed class StateDirectory
{
    private StateDirectory(string root) => Root = root;

    /// <summary>The folder itself.</summary>
    public string Root { get; }

    /// <summary>The journals' folder.</summary>
    public string RunsFolder => Path.Combine(Root, "runs");

    /// <summary>The locks' folder.</summary>
    public string LocksFolder => Path.Combine(Root, "locks");

    /// <summary>The given folder, or <c>.checklist</c> under the current one.</summary>
    public static StateDirectory At(string? folder) =>
        new(Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? Path.Combine(Environment.CurrentDirectory, ".checklist") : folder));

    /// <summary>
    /// Makes the folder and its runs/ and locks/ folders, before a run shows its id: a folder that cannot
    /// be written stops the run here, with the cause named (a file in the way, no permission, no space).
    /// </summary>
    public void Prepare()
    {
        try
        {
            Directory.CreateDirectory(RunsFolder);
            Directory.CreateDirectory(LocksFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(e);
        }
    }

    /// <summary>The error for a state folder that cannot be written, naming the cause.</summary>
    public CliException Unwritable(Exception e)
    {
        // "Not a directory" hides which part of the path is the file in the way: find it.
        string? cause = null;
        foreach (var path in new[] { RunsFolder, LocksFolder, Root })
        {
            for (var part = path; !string.IsNullOrEmpty(part) && cause is null; part = Path.GetDirectoryName(part))
            {
                if (File.Exists(part))
                    cause = $"'{part}' is a file, not a folder";
            }
        }
        cause ??= e is UnauthorizedAccessException ? $"permission denied ({e.Message})" : e.Message;
        return new CliException(
            $"Cannot write the run state in {Root}: {cause}. Nothing was run. Make that folder writable (and give it free space), or choose another with --state-dir.");
    }

    /// <summary>The journal of a run.</summary>
    public string JournalPath(string runId) => Path.Combine(RunsFolder, runId + ".jsonl");

    /// <summary>Every journal, oldest first (run ids start with their UTC start time).</summary>
    public IReadOnlyList<string> Journals() =>
        Directory.Exists(RunsFolder)
            ? Directory.GetFiles(RunsFolder, "*.jsonl").Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>The journal of a run given by id (or unique id prefix) or by the journal's path.</summary>
    public string FindJournal(string run)
    {
        if (run.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && File.Exists(run))
            return Path.GetFullPath(run);
        var exact = JournalPath(run);
        if (File.Exists(exact))
            return exact;
        var matches = Journals().Where(p => Path.GetFileNameWithoutExtension(p).StartsWith(run, StringComparison.OrdinalIgnoreCase)).ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw new CliException($"No run '{run}' in {RunsFolder}, nor among the runs started by {Environment.UserName} elsewhere ({RunIndex.Folder}). `checklist status` lists the runs here; --state-dir names another state folder."),
            _ => throw new CliException($"'{run}' matches several runs: {string.Join(", ", matches.Select(Path.GetFileNameWithoutExtension))}."),
        };
    }

    /// <summary>
    /// A run's journal and the state folder that holds it, for the verbs that take a run: in
    /// <paramref name="stateDirOption"/> when given; else in <c>./.checklist</c>, else wherever this user
    /// started it (<see cref="RunIndex"/>), so that a printed hint works from any folder.
    /// </summary>
    public static (string Journal, StateDirectory State) Locate(string run, string? stateDirOption)
    {
        if (!string.IsNullOrWhiteSpace(stateDirOption))
        {
            var given = At(stateDirOption);
            return (given.FindJournal(run), given);
        }
        if (run.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && File.Exists(run))
            return (Path.GetFullPath(run), Holding(Path.GetFullPath(run)));
        var here = At(null);
        try
        {
            return (here.FindJournal(run), here);
        }
        catch (CliException) when (RunIndex.Find(run) is { Count: > 0 } indexed)
        {
            if (indexed.Count > 1)
                throw new CliException($"'{run}' matches several runs: {string.Join(", ", indexed.Select(Path.GetFileNameWithoutExtension))}.");
            return (indexed[0], Holding(indexed[0]));
        }
    }

    /// <summary>The state folder a journal is in (<c>&lt;state&gt;/runs/&lt;run-id&gt;.jsonl</c>).</summary>
    private static StateDirectory Holding(string journal) => new(Path.GetDirectoryName(Path.GetDirectoryName(journal)!)!);

    /// <summary>A new, sortable run id: UTC start time, checklist, a random suffix.</summary>
    public static string NewRunId(string checklist, DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{checklist}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
