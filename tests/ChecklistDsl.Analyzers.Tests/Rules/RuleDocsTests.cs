using System.Text.RegularExpressions;
using ChecklistDsl.Analyzers.Tests.Infrastructure;
using ChecklistDsl.Generators.Analysis;

namespace ChecklistDsl.Analyzers.Tests.Rules;

/// <summary>docs/rules/CHKnnn.md exist, match the catalog, and their examples do what they say.</summary>
[TestClass]
public sealed partial class RuleDocsTests
{
    public static IEnumerable<object[]> Ids => DiagnosticDescriptors.All.Select(d => new object[] { d.Id });

    [TestMethod]
    [DynamicData(nameof(Ids))]
    public void Page_exists_with_the_catalog_title_and_the_help_link_points_at_it(string id)
    {
        var descriptor = DiagnosticDescriptors.All.Single(d => d.Id == id);
        var page = File.ReadAllText(RepositoryRoot.Combine("docs", "rules", id + ".md"));
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", page);
        Assert.EndsWith($"/docs/rules/{id}.md", descriptor.HelpLinkUri);
        StringAssert.Contains(page, $"| Severity | {descriptor.DefaultSeverity} |");
        StringAssert.Contains(page, $"#pragma warning disable {id}");
        StringAssert.Contains(page, $"dotnet_diagnostic.{id}.severity");
        StringAssert.Matches(page, new Regex(@"[Ss]eed 00\d"), "The page cites the seed the rule comes from");
    }

    [TestMethod]
    public void Every_help_link_is_built_from_the_one_RepositoryUrl_of_Directory_Build_props()
    {
        var props = System.Xml.Linq.XDocument.Load(RepositoryRoot.Combine("Directory.Build.props"));
        var url = props.Descendants("RepositoryUrl").Single().Value.TrimEnd('/');
        var branch = props.Descendants("RepositoryBranch").Single().Value;

        foreach (var descriptor in DiagnosticDescriptors.All.Append(DiagnosticDescriptors.NotGenerated))
            Assert.AreEqual($"{url}/blob/{branch}/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
    }

    [TestMethod]
    [DynamicData(nameof(Ids))]
    public async Task Unsafe_example_reports_the_rule_and_safe_example_does_not(string id)
    {
        var page = File.ReadAllText(RepositoryRoot.Combine("docs", "rules", id + ".md"));
        var unsafeIds = await IdsReportedAsync(Example(page, "Unsafe"));
        var safeIds = await IdsReportedAsync(Example(page, "Safe"));
        CollectionAssert.Contains(unsafeIds, id);
        CollectionAssert.DoesNotContain(safeIds, id);
    }

    private static string Example(string page, string heading)
    {
        var match = Regex.Match(page, "## " + heading + "\n\n```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline);
        Assert.IsTrue(match.Success, heading + " example missing");
        var code = match.Groups["code"].Value;
        // Member-only snippets are shown inside a checklist class.
        return code.Contains("[Checklist", StringComparison.Ordinal) ? code : "[Checklist] public partial class DocExample\n{\n" + code + "\n}\n";
    }

    private static async Task<List<string>> IdsReportedAsync(string snippet)
    {
        var compilation = TestCompilation.Create(Verify.Usings + snippet);
        var errors = TestCompilation.Errors(compilation);
        Assert.IsEmpty(errors, "Doc example does not compile:\n" + snippet + "\n" + string.Join("\n", errors));
        return [.. (await TestCompilation.AnalyzeAsync(compilation)).Select(d => d.Id)];
    }
}
