using System.Text;
using ChecklistDsl.Runbooks;

namespace ChecklistDsl.Cli.Publishing;

/// <summary>Which wiki's conventions the pages follow.</summary>
internal enum WikiFlavorName
{
    /// <summary>GitHub wiki: Home.md, _Sidebar.md, page files named after titles with spaces as '-'.</summary>
    GitHub,

    /// <summary>Azure DevOps wiki: page order in .order, '-' for spaces and %2D for dashes, ::: mermaid blocks.</summary>
    AzureDevOps,
}

/// <summary>A wiki's conventions: page file names, links, home page and navigation files.</summary>
internal abstract class WikiFlavor
{
    public const string HomePage = "Home";

    public static WikiFlavor For(WikiFlavorName name) => name switch
    {
        WikiFlavorName.GitHub => new GitHubWiki(),
        WikiFlavorName.AzureDevOps => new AzureDevOpsWiki(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown wiki flavor."),
    };

    /// <summary>The file that holds the page titled <paramref name="title"/>.</summary>
    public abstract string PageFile(string title);

    /// <summary>A link target to the page titled <paramref name="title"/>, from another page.</summary>
    public abstract string Link(string title);

    /// <summary>A runbook's Markdown as this wiki renders it.</summary>
    public virtual string PageMarkdown(string markdown) => markdown;

    /// <summary>Navigation files (sidebar, page order) by file name.</summary>
    public abstract IReadOnlyDictionary<string, string> Navigation(IReadOnlyList<CompiledRunbook> runbooks);

    private sealed class GitHubWiki : WikiFlavor
    {
        // GitHub wiki page names may not hold these; spaces become '-'.
        private const string Forbidden = "\\/:*?\"<>|#%[]";

        public override string PageFile(string title) => Name(title) + ".md";

        public override string Link(string title) => Name(title);

        public override IReadOnlyDictionary<string, string> Navigation(IReadOnlyList<CompiledRunbook> runbooks)
        {
            var sidebar = new StringBuilder($"**[Runbooks]({HomePage})**\n\n");
            foreach (var runbook in runbooks)
                sidebar.Append("- [").Append(runbook.Title).Append("](").Append(Link(runbook.Title)).Append(")\n");
            return new Dictionary<string, string> { ["_Sidebar.md"] = sidebar.ToString() };
        }

        private static string Name(string title)
        {
            var name = new StringBuilder();
            foreach (var c in title.Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    if (name.Length > 0 && name[^1] != '-')
                        name.Append('-');
                }
                else if (!Forbidden.Contains(c, StringComparison.Ordinal))
                {
                    name.Append(c);
                }
            }
            return name.ToString();
        }
    }

    private sealed class AzureDevOpsWiki : WikiFlavor
    {
        // Azure DevOps wiki file names: '-' stands for a space, so a real '-' and the characters
        // a file name may not hold are percent-encoded.
        private const string Encoded = "-\\/:*?\"<>|#%";

        public override string PageFile(string title) => Name(title) + ".md";

        public override string Link(string title) => "/" + Name(title);

        // Azure DevOps draws diagrams from ::: mermaid blocks, not from ```mermaid fences.
        public override string PageMarkdown(string markdown)
        {
            const string Fence = "```mermaid\n";
            var start = markdown.IndexOf(Fence, StringComparison.Ordinal);
            var end = start < 0 ? -1 : markdown.IndexOf("\n```", start + Fence.Length, StringComparison.Ordinal);
            if (end < 0)
                return markdown;
            return markdown[..start] + "::: mermaid\n" + markdown[(start + Fence.Length)..end] + "\n:::" + markdown[(end + 4)..];
        }

        public override IReadOnlyDictionary<string, string> Navigation(IReadOnlyList<CompiledRunbook> runbooks)
        {
            var order = new StringBuilder(HomePage).Append('\n');
            foreach (var runbook in runbooks)
                order.Append(Name(runbook.Title)).Append('\n');
            return new Dictionary<string, string> { [".order"] = order.ToString() };
        }

        private static string Name(string title)
        {
            var name = new StringBuilder();
            foreach (var c in title.Trim())
            {
                if (c == ' ')
                    name.Append('-');
                else if (Encoded.Contains(c, StringComparison.Ordinal))
                    name.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                else
                    name.Append(c);
            }
            return name.ToString();
        }
    }
}
