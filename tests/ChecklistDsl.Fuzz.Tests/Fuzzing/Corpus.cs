using System.Text;
using System.Text.RegularExpressions;
using ChecklistDsl.Fuzz.Tests.Infrastructure;

namespace ChecklistDsl.Fuzz.Tests.Fuzzing;

/// <summary>A checklist source the fuzzer starts from, and where it came from.</summary>
internal sealed record SeedSource(string Origin, string Text);

/// <summary>
/// Every checklist source in the repository, found by globbing from its root so that a new checklist or
/// test input joins the fuzzing without an edit here: the checklists project, the generator tests'
/// input files, the C# examples of docs/rules, and the checklist sources the analyzer tests keep inline
/// (raw string literals, with their {|CHKnnn:...|} markers removed). Sorted, so a seed always picks the
/// same source.
/// </summary>
internal static partial class Corpus
{
    private const string Usings = "using ChecklistDsl;\n";

    public static IReadOnlyList<SeedSource> All { get; } = Load();

    private static List<SeedSource> Load()
    {
        var root = RepositoryRoot.Path;
        var sources = new List<SeedSource>();
        foreach (var file in Files(root, "checklists", "*.cs").Concat(Files(root, "tests", "*.cs").Where(IsInputFile)))
            sources.Add(new SeedSource(Relative(root, file), File.ReadAllText(file)));
        foreach (var file in Files(root, Path.Combine("docs", "rules"), "*.md"))
        {
            var index = 0;
            foreach (Match block in CSharpBlock().Matches(File.ReadAllText(file)))
            {
                var code = block.Groups["code"].Value;
                if (!code.Contains("[Step", StringComparison.Ordinal))
                    continue; // a one-line suppression sample, not a checklist
                // Member-only snippets are shown inside a checklist class, as RuleDocsTests compiles them.
                code = code.Contains("[Checklist", StringComparison.Ordinal) ? code : "[Checklist] public partial class DocExample\n{\n" + code + "\n}\n";
                sources.Add(new SeedSource($"{Relative(root, file)}#{index++}", Usings + code));
            }
        }
        foreach (var file in Files(root, Path.Combine("tests", "ChecklistDsl.Analyzers.Tests"), "*.cs"))
        {
            var index = 0;
            foreach (Match literal in RawString().Matches(File.ReadAllText(file)))
            {
                var code = Dedent(literal.Groups["body"].Value, literal.Groups["indent"].Value);
                if (code.Contains("[Checklist", StringComparison.Ordinal))
                    sources.Add(new SeedSource($"{Relative(root, file)}#{index++}", Usings + StripMarkers(code)));
            }
        }
        if (sources.Count == 0)
            throw new InvalidOperationException("No checklist source found under " + root);
        return sources;
    }

    /// <summary>A test's input file: a .cs file under an Inputs folder of a test project.</summary>
    private static bool IsInputFile(string path) =>
        path.Replace('\\', '/').Contains("/Inputs/", StringComparison.Ordinal);

    private static IEnumerable<string> Files(string root, string folder, string pattern)
    {
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
            return [];
        return Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .Order(StringComparer.Ordinal);
    }

    private static bool IsBuildOutput(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.Contains("/bin/", StringComparison.Ordinal) || normalized.Contains("/obj/", StringComparison.Ordinal);
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string Dedent(string body, string indent)
    {
        var lines = body.Split('\n').Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l.TrimStart());
        return string.Join("\n", lines);
    }

    /// <summary>Removes the analyzer tests' {|CHKnnn:...|} markers, keeping what they enclose.</summary>
    private static string StripMarkers(string code)
    {
        var result = new StringBuilder(code.Length);
        var open = 0;
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] == '{' && i + 1 < code.Length && code[i + 1] == '|' && code.IndexOf(':', i) is var colon and > 0)
            {
                open++;
                i = colon;
                continue;
            }
            if (open > 0 && code[i] == '|' && i + 1 < code.Length && code[i + 1] == '}')
            {
                open--;
                i++;
                continue;
            }
            result.Append(code[i]);
        }
        return result.ToString();
    }

    [GeneratedRegex("```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    // A raw string literal whose closing quotes sit on their own line: the indentation before them is
    // what the compiler strips from every line.
    [GeneratedRegex("\"\"\"[ \t]*\r?\n(?<body>.*?)\r?\n(?<indent>[ \t]*)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex RawString();
}
