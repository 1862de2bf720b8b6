using System.Text.RegularExpressions;
using ChecklistDsl.Tests.Shared;

namespace ChecklistDsl.Tests;

/// <summary>
/// Folders are layers with arrows one way. The runtime: Loading (the generated code's entry) →
/// Running (progress, machines) → Definitions (the plan); a lower layer's sources never name a type
/// declared in a higher one. The CLI: the verbs (Commands) on top, the journal at the bottom, knowing
/// no store, runner or verb; each folder is its own namespace, which a lower one never names.
/// </summary>
[TestClass]
public sealed partial class LayeringTests
{
    private static readonly string[] LowestFirst = ["Definitions", "Running", "Loading"];

    [TestMethod]
    public void No_folder_names_a_type_of_a_folder_above_it()
    {
        var runtime = RepositoryRoot.Combine("src", "ChecklistDsl");
        var declared = LowestFirst.ToDictionary(layer => layer, layer => Sources(runtime, layer)
            .SelectMany(source => Declaration().Matches(source).Select(m => m.Groups["name"].Value)).ToHashSet());
        foreach (var layer in declared.Keys)
            Assert.IsNotEmpty(declared[layer], $"no types found in {layer}/");

        var wrongWay = new List<string>();
        for (var lower = 0; lower < LowestFirst.Length; lower++)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(runtime, LowestFirst[lower]), "*.cs"))
            {
                var code = Comments().Replace(File.ReadAllText(file), "");
                foreach (var higher in LowestFirst.Skip(lower + 1))
                    wrongWay.AddRange(declared[higher].Where(type => Regex.IsMatch(code, $@"\b{type}\b"))
                        .Select(type => $"{LowestFirst[lower]}/{Path.GetFileName(file)} names {higher}'s {type}"));
            }
        }
        Assert.IsEmpty(wrongWay, string.Join("\n", wrongWay));
    }

    private static readonly string[] CliLowestFirst =
        ["Journal", "Locking", "Stores", "Rendering", "Export", "Loading", "Running", "Publishing", "Reporting", "Commands"];

    [TestMethod]
    public void No_CLI_folder_names_the_namespace_of_a_folder_above_it()
    {
        var cli = RepositoryRoot.Combine("src", "ChecklistDsl.Cli");
        var wrongWay = new List<string>();
        for (var lower = 0; lower < CliLowestFirst.Length; lower++)
        {
            var files = Directory.EnumerateFiles(Path.Combine(cli, CliLowestFirst[lower]), "*.cs", SearchOption.AllDirectories).ToList();
            Assert.IsNotEmpty(files, $"no sources in {CliLowestFirst[lower]}/");
            foreach (var file in files)
            {
                var code = Comments().Replace(File.ReadAllText(file), "");
                foreach (var higher in CliLowestFirst.Skip(lower + 1))
                {
                    // `using ChecklistDsl.Cli.Stores;`, `ChecklistDsl.Cli.Stores.X` or `Stores.X` from within the Cli namespace.
                    if (Regex.IsMatch(code, $@"\bChecklistDsl\.Cli\.{higher}\b|(?<![\w.]){higher}\.[A-Z]"))
                        wrongWay.Add($"{CliLowestFirst[lower]}/{Path.GetRelativePath(Path.Combine(cli, CliLowestFirst[lower]), file)} names {higher}");
                }
            }
        }
        Assert.IsEmpty(wrongWay, string.Join("\n", wrongWay));
    }

    private static IEnumerable<string> Sources(string runtime, string layer) =>
        Directory.EnumerateFiles(Path.Combine(runtime, layer), "*.cs").Select(File.ReadAllText);

    [GeneratedRegex(@"\b(?:class|struct|enum|interface|record|delegate\s+\S+)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex Declaration();

    // Comments may point anywhere (a cref to explain is not a dependency).
    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex Comments();
}
