using System.Text;

namespace ChecklistDsl.Runbooks;

/// <summary>A folder of runbook files: one Markdown file per checklist, plus an index page.</summary>
internal static class RunbookFolder
{
    /// <summary>The index page's file name.</summary>
    public const string DefaultIndexFileName = "README.md";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Every file the folder should hold, by file name: each runbook, then the index page.</summary>
    public static IReadOnlyDictionary<string, string> ExpectedFiles(IReadOnlyList<CompiledRunbook> runbooks, string indexFileName = DefaultIndexFileName)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var runbook in runbooks)
            files[runbook.FileName] = runbook.Markdown;
        files[indexFileName] = RunbookIndex.Markdown(runbooks, runbook => runbook.FileName);
        return files;
    }

    /// <summary>
    /// Writes the expected files into <paramref name="directory"/>, rewriting a file only when its
    /// content changed, so that timestamps and incremental tools see real changes only.
    /// </summary>
    /// <returns>The files written (new or changed).</returns>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path) && File.ReadAllText(path, Utf8NoBom) == content)
                continue;
            File.WriteAllText(path, content, Utf8NoBom);
            written.Add(path);
        }
        return written;
    }

    /// <summary>
    /// The files of <paramref name="directory"/> that differ from <paramref name="files"/>: missing,
    /// changed, or Markdown files that no checklist produces any more.
    /// </summary>
    public static IReadOnlyList<string> StaleFiles(string directory, IReadOnlyDictionary<string, string> files)
    {
        var stale = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path) || File.ReadAllText(path, Utf8NoBom) != content)
                stale.Add(name);
        }
        if (Directory.Exists(directory))
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*.md"))
            {
                var name = Path.GetFileName(path);
                if (!files.ContainsKey(name))
                    stale.Add(name);
            }
        }
        return [.. stale];
    }
}
