using System.Text.RegularExpressions;
using ChecklistDsl.Cli.Publishing;

namespace ChecklistDsl.Cli.Reporting;

/// <summary>
/// Where the runbook of a run is published, so the report can link back to it: the wiki given with
/// <c>--wiki-url</c> (or <c>CHECKLIST_WIKI_URL</c>), else a GitHub wiki that <c>checklist publish</c>
/// has cloned under the state folder (<c>.checklist/wiki/</c>) and that holds the runbook's page.
/// No link when neither is there: a report links to nothing it does not know exists.
/// </summary>
internal static partial class RunbookLink
{
    /// <summary>The environment variable that sets the wiki's address for every report.</summary>
    public const string EnvironmentVariable = "CHECKLIST_WIKI_URL";

    [GeneratedRegex(@"^https://github\.com/(?<repo>[^/\s]+/[^/\s]+?)\.wiki(\.git)?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex GitHubWikiRemote();

    /// <param name="wikiUrl">The wiki's page address (e.g. https://github.com/org/repo/wiki), or null.</param>
    /// <param name="stateRoot">The state folder, where publish keeps its clones.</param>
    /// <param name="title">The checklist's title, which names its page.</param>
    public static string? Find(string? wikiUrl, string stateRoot, string title)
    {
        var page = WikiFlavor.For(WikiFlavorName.GitHub).Link(title);
        wikiUrl ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(wikiUrl))
            return wikiUrl.TrimEnd('/') + "/" + page;
        var clones = Path.Combine(stateRoot, "wiki");
        if (!Directory.Exists(clones))
            return null;
        var pageFile = WikiFlavor.For(WikiFlavorName.GitHub).PageFile(title);
        foreach (var clone in Directory.GetDirectories(clones).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(clone, pageFile)))
                continue;
            var origin = Git.Run(clone, "remote", "get-url", "origin");
            if (origin.Succeeded && GitHubWikiRemote().Match(origin.Output.Trim()) is { Success: true } match)
                return $"https://github.com/{match.Groups["repo"].Value}/wiki/{page}";
        }
        return null;
    }
}
