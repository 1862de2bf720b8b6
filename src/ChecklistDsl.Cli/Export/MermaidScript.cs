namespace ChecklistDsl.Cli.Export;

/// <summary>
/// Finds mermaid.min.js, the script that draws the runbooks' diagrams in exported HTML. It is
/// served next to the pages, never from a CDN. The tool package ships it (mermaid/ beside the tool,
/// taken from the npm package at pack time); in this repository scripts/fetch-mermaid.sh puts it in
/// artifacts/mermaid/package/dist/.
/// </summary>
internal static class MermaidScript
{
    /// <summary>The environment variable that may name the script.</summary>
    public const string EnvironmentVariable = "CHECKLIST_MERMAID_JS";

    private static readonly string RelativePath = Path.Combine("artifacts", "mermaid", "package", "dist", "mermaid.min.js");

    /// <summary>
    /// The script given explicitly, else named by <see cref="EnvironmentVariable"/>, else the copy
    /// shipped beside the tool (mermaid/), else found in artifacts/mermaid of the current folder or
    /// of a folder above it; <see langword="null"/> when there is none.
    /// </summary>
    public static string? Find(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
            return File.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        var shipped = Path.Combine(AppContext.BaseDirectory, "mermaid", "mermaid.min.js");
        if (File.Exists(shipped))
            return shipped;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, RelativePath);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary>What to tell a user who has no mermaid.min.js.</summary>
    public static string NotFoundMessage(string? explicitPath) =>
        string.IsNullOrEmpty(explicitPath)
            ? $"mermaid.min.js not found: this copy of the tool was built or packed without it (no npm at pack time). " +
              $"Pass --mermaid PATH (dist/mermaid.min.js of the npm package `mermaid`) or set {EnvironmentVariable}; " +
              "in the ChecklistDsl repository, scripts/fetch-mermaid.sh fetches it."
            : $"mermaid.min.js not found at '{explicitPath}'.";
}
