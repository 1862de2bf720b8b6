using System.Text;

namespace ChecklistDsl.Cli.Loading;

/// <summary>
/// The built assembly's path as MSBuild last gave it for a project, kept in the project's
/// <c>obj/</c> folder with what it was computed from: the project file, the <c>Directory.Build.*</c>,
/// <c>Directory.Packages.props</c> and <c>global.json</c> files above it (their write times, or their
/// absence) and the <c>Configuration</c>/<c>Platform</c> environment variables. <c>--no-build</c> reuses
/// it while all of those are unchanged and the assembly exists; anything else asks MSBuild again.
/// </summary>
internal static class TargetPathCache
{
    private const string FileName = "checklist-targetpath.cache";
    private static readonly string[] Inputs = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json"];

    /// <summary>The cached path, if it is still MSBuild's answer as far as its inputs tell; else null.</summary>
    public static string? Read(string project)
    {
        try
        {
            var file = CacheFile(project);
            if (!File.Exists(file))
                return null;
            var lines = File.ReadAllLines(file);
            return lines.Length == 2 && lines[0] == Key(project) && File.Exists(lines[1]) ? lines[1] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Remembers <paramref name="targetPath"/>, when the project has an <c>obj/</c> folder (never creating one).</summary>
    public static void Write(string project, string targetPath)
    {
        try
        {
            var file = CacheFile(project);
            if (Directory.Exists(Path.GetDirectoryName(file)))
                File.WriteAllText(file, Key(project) + "\n" + targetPath + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a cache: the next --no-build asks MSBuild again.
        }
    }

    private static string CacheFile(string project) => Path.Combine(Path.GetDirectoryName(project)!, "obj", FileName);

    // One line: each present input's path and write time, and the environment MSBuild reads.
    private static string Key(string project)
    {
        var key = new StringBuilder();
        Append(key, project);
        for (var folder = Path.GetDirectoryName(project); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            foreach (var name in Inputs)
                Append(key, Path.Combine(folder, name));
        }
        key.Append("Configuration=").Append(Environment.GetEnvironmentVariable("Configuration"))
            .Append("|Platform=").Append(Environment.GetEnvironmentVariable("Platform"));
        return key.ToString();
    }

    private static void Append(StringBuilder key, string path)
    {
        var info = new FileInfo(path);
        if (info.Exists)
            key.Append(path).Append('@').Append(info.LastWriteTimeUtc.Ticks).Append('|');
    }
}
