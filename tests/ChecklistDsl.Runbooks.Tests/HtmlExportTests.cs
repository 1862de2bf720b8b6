using ChecklistDsl.Cli;
using System.Text.RegularExpressions;
using ChecklistDsl.Cli.Commands;
using ChecklistDsl.Cli.Export;
using ChecklistDsl.Runbooks.Tests.Infrastructure;

namespace ChecklistDsl.Runbooks.Tests;

/// <summary><c>checklist export --html</c>: standalone pages whose diagram mermaid.js draws.</summary>
[TestClass]
public sealed class HtmlExportTests
{
    [TestMethod]
    public void Export_writes_a_page_per_runbook_an_index_and_the_local_mermaid_script()
    {
        var script = Mermaid.RequireScript();
        using var temp = new TempFolder();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = ExportCommand.Run(Repository.ChecklistsAssembly, temp.Path, script, output, error);

        Assert.AreEqual(ExitCodes.Completed, exit, error.ToString());
        var expected = Repository.Definitions.Select(d => Path.ChangeExtension(d.RunbookFileName, ".html"))
            .Append("index.html").Append("mermaid.min.js").Append("mermaid.LICENSE.txt").Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(expected, Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        CollectionAssert.AreEqual(File.ReadAllBytes(script), File.ReadAllBytes(temp.Combine("mermaid.min.js")));
        StringAssert.Contains(File.ReadAllText(temp.Combine("mermaid.LICENSE.txt")), "MIT");
        var index = File.ReadAllText(temp.Combine("index.html"));
        foreach (var definition in Repository.Definitions)
            StringAssert.Contains(index, $"<a href=\"{Path.ChangeExtension(definition.RunbookFileName, ".html")}\">{System.Net.WebUtility.HtmlEncode(definition.Title)}</a>");
        StringAssert.Contains(output.ToString(), "Exported 5 runbooks");
    }

    [TestMethod]
    public void A_page_has_one_checkbox_per_check_the_tables_and_the_escaped_diagram_without_any_remote_script()
    {
        var definition = Repository.Definitions.Single(d => d.Name == "ProductionToStagingSync");

        var html = HtmlExporter.Page(definition.Title, definition.Markdown);

        var checks = definition.Steps.Sum(s => s.Checks.Count);
        Assert.AreEqual(checks, Regex.Count(html, "<input [^>]*type=\"checkbox\""));
        Assert.IsGreaterThanOrEqualTo(2, Regex.Count(html, "<table>"), "inputs and rollback plan tables");
        var diagram = Regex.Match(html, "<pre class=\"mermaid\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.IsTrue(diagram.Success, "the mermaid block becomes <pre class=\"mermaid\"> (Markdig's UseDiagrams)");
        // Escaped, so that a "<" in a title cannot open a tag; mermaid reads the text back.
        Assert.DoesNotContain("<", diagram.Groups[1].Value);
        StringAssert.StartsWith(System.Net.WebUtility.HtmlDecode(diagram.Groups[1].Value), "stateDiagram-v2\n    [*] --> NotStarted");
        Assert.DoesNotContain("language-mermaid", html);
        StringAssert.Contains(html, "<title>Sync production to staging</title>");
        var scripts = Regex.Matches(html, "<script src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        CollectionAssert.AreEqual(new[] { "mermaid.min.js" }, scripts);
        // Commands stay code blocks.
        StringAssert.Contains(html, "<pre><code class=\"language-sh\">rsync -az --delete");
    }

    [TestMethod]
    public void Placeholders_in_text_stay_text()
    {
        var html = HtmlExporter.Page("Update", "#### 1. Update {Plugin}\n\n- [ ] {SiteUrl} loads\n\n| Name |\n| --- |\n| {Plugin} |\n");

        StringAssert.Contains(html, ">1. Update {Plugin}</h4>");
        StringAssert.Contains(html, "{SiteUrl} loads</li>");
        StringAssert.Contains(html, "<td>{Plugin}</td>");
    }

    [TestMethod]
    public void Without_mermaid_the_export_fails_before_writing_anything()
    {
        using var temp = new TempFolder();
        var output = temp.Combine("html");
        var error = new StringWriter();

        var exit = ExportCommand.Run(Repository.ChecklistsAssembly, output, temp.Combine("missing", "mermaid.min.js"), new StringWriter(), error);

        Assert.AreEqual(ExitCodes.UsageError, exit);
        StringAssert.Contains(error.ToString(), "mermaid.min.js not found");
        Assert.IsFalse(Directory.Exists(output));
    }

    [TestMethod]
    public void An_assembly_that_is_not_one_fails_with_a_clear_error_and_writes_nothing()
    {
        var script = Mermaid.RequireScript();
        using var temp = new TempFolder();
        var bogus = temp.Combine("Checklists.dll");
        File.WriteAllText(bogus, "not a PE file");
        var error = new StringWriter();

        var exit = ExportCommand.Run(bogus, temp.Combine("html"), script, new StringWriter(), error);

        Assert.AreEqual(ExitCodes.UsageError, exit);
        StringAssert.Contains(error.ToString(), "is not a .NET assembly");
        Assert.IsFalse(Directory.Exists(temp.Combine("html")));
    }

    [TestMethod]
    public void The_export_verb_parses_its_options_and_reports_a_missing_assembly()
    {
        using var temp = new TempFolder();
        var command = ExportCommand.Create();
        var error = new StringWriter();

        var exit = command.Parse(["--html", temp.Combine("html"), "--assembly", temp.Combine("none.dll"), "--mermaid", Mermaid.RequireScript()])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.AreEqual(ExitCodes.UsageError, exit);
        StringAssert.Contains(error.ToString(), "not found");
    }

    [TestMethod]
    public void Headless_Chromium_draws_the_diagram_as_an_svg()
    {
        var chromium = Chromium.Require();
        var script = Mermaid.RequireScript();
        using var temp = new TempFolder();
        Assert.AreEqual(ExitCodes.Completed, ExportCommand.Run(Repository.ChecklistsAssembly, temp.Path, script, new StringWriter(), new StringWriter()));
        var page = temp.Combine("deploy-safely-to-production.html");
        Assert.DoesNotContain("<svg", File.ReadAllText(page), "before mermaid runs, the page has no svg");

        var dom = Chromium.DumpDom(chromium, page, temp.Combine("profile"));

        var diagram = Regex.Match(dom, "<pre class=\"mermaid\"[^>]*>(.*?)</pre>", RegexOptions.Singleline);
        Assert.IsTrue(diagram.Success, "the diagram element is still there");
        StringAssert.Contains(diagram.Groups[1].Value, "<svg", "mermaid replaced the diagram's text with an svg");
        StringAssert.Contains(diagram.Groups[1].Value, "ConfirmStagingApproval");
    }

    /// <summary>
    /// The largest seed checklist (60 steps): its diagram draws in Chromium with one edge per drawn
    /// transition, far fewer than the machine's own (the per-step Abort and Fail edges into Aborted are
    /// one note), and the note is on the page.
    /// </summary>
    [TestMethod]
    public void The_largest_seed_diagram_draws_its_transitions_and_one_note_not_an_edge_per_step_into_Aborted()
    {
        var chromium = Chromium.Require();
        var script = Mermaid.RequireScript();
        using var temp = new TempFolder();
        Assert.AreEqual(ExitCodes.Completed, ExportCommand.Run(Repository.ChecklistsAssembly, temp.Path, script, new StringWriter(), new StringWriter()));
        var largest = ChecklistCatalog.FromAssembly(typeof(Checklists.DeploySafelyToProduction).Assembly).MaxBy(d => d.Steps.Count)!;
        var page = temp.Combine(Path.ChangeExtension(largest.RunbookFileName, ".html"));

        var dom = Chromium.DumpDom(chromium, page, temp.Combine("profile"));

        var svg = Regex.Match(dom, "<svg.*?</svg>", RegexOptions.Singleline).Value;
        Assert.IsNotEmpty(svg, "mermaid drew no svg");
        var drawnEdges = Regex.Matches(svg, "<path[^>]*class=\"[^\"]*transition").Count;
        var runbookEdges = Regex.Matches(largest.Markdown, "^    \\w+ --> \\w+ : ", RegexOptions.Multiline).Count;
        var machineEdges = largest.CreateMachine(new ChecklistProgress(largest), ChecklistMachine.NotStarted).GetInfo().States.Sum(s => s.FixedTransitions.Count());
        Assert.IsGreaterThanOrEqualTo(60, largest.Steps.Count);
        // Every transition line is drawn; so are the start edge and the note's connector.
        Assert.IsTrue(drawnEdges >= runbookEdges && drawnEdges <= runbookEdges + 2, $"{drawnEdges} edges drawn for {runbookEdges} transition lines");
        // At least every step's Abort edge is the note, not an edge.
        Assert.IsLessThan(machineEdges - largest.Steps.Count, drawnEdges, $"{drawnEdges} edges drawn of the machine's {machineEdges}");
        StringAssert.Contains(svg, "Abort from any step or rollback");
    }

    /// <summary>
    /// The tool as a user gets it: packed, installed with <c>dotnet tool install</c> into a temp tool path
    /// (from a local feed, with a package folder of its own), run from a folder outside the repository
    /// with no mermaid anywhere but in the package; the page it writes draws its diagram in headless
    /// Chromium with no network.
    /// </summary>
    [TestMethod]
    [TestCategory("EndToEnd")]
    public void The_installed_tool_exports_pages_whose_diagram_draws_offline_from_any_folder()
    {
        var chromium = Chromium.Require();
        using var temp = new TempFolder();
        var version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];
        var environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = temp.Combine("packages"),
            [MermaidScript.EnvironmentVariable] = null,
        };
        var limit = TimeSpan.FromMinutes(10);
        // The configuration these tests were built in (bin/<configuration>/net10.0): packed without building again.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var pack = Processes.Run("dotnet", RepositoryRoot.Path, environment, limit,
            "pack", RepositoryRoot.Combine("src", "ChecklistDsl.Cli", "ChecklistDsl.Cli.csproj"), "--no-build", "-c", configuration,
            "-o", temp.Combine("feed"), "-p:PackageVersion=" + version, "--disable-build-servers");
        Assert.AreEqual(0, pack.ExitCode, "dotnet pack failed: " + pack);
        var package = temp.Combine("feed", $"ChecklistDsl.Cli.{version}.nupkg");
        byte[] shipped;
        using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
        {
            var script = zip.Entries.SingleOrDefault(e => e.FullName.EndsWith("/mermaid/mermaid.min.js", StringComparison.Ordinal));
            // Packed where npm is missing, the package lacks the script (pack says so): not this test's machine in CI.
            if (script is null && !Repository.IsCi && pack.Output.Contains("packed WITHOUT mermaid.min.js", StringComparison.Ordinal))
                Assert.Inconclusive("npm is not installed, so the tool was packed without mermaid.min.js: " + pack.Output);
            Assert.IsNotNull(script, "the tool package ships mermaid.min.js: " + string.Join("\n", zip.Entries.Select(e => e.FullName)));
            Assert.IsTrue(zip.Entries.Any(e => e.FullName == script.FullName.Replace("mermaid.min.js", "LICENSE")), "its licence beside it");
            using var stream = script.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            shipped = copy.ToArray();
        }

        var tools = temp.Combine("tools");
        var install = Processes.Run("dotnet", temp.Path, environment, limit,
            "tool", "install", "ChecklistDsl.Cli", "--version", version, "--tool-path", tools, "--add-source", temp.Combine("feed"), "--ignore-failed-sources");
        Assert.AreEqual(0, install.ExitCode, "dotnet tool install failed: " + install);
        var elsewhere = temp.Combine("elsewhere");
        Directory.CreateDirectory(elsewhere);
        var export = Processes.Run(Path.Combine(tools, "checklist"), elsewhere, environment, limit,
            "export", "--html", "site", "--assembly", Repository.ChecklistsAssembly);

        Assert.AreEqual(0, export.ExitCode, export.ToString());
        var site = Path.Combine(elsewhere, "site");
        CollectionAssert.AreEqual(shipped, File.ReadAllBytes(Path.Combine(site, "mermaid.min.js")), "the page uses the script shipped in the package");
        StringAssert.Contains(File.ReadAllText(Path.Combine(site, "mermaid.LICENSE.txt")), "MIT");
        var page = Path.Combine(site, "deploy-safely-to-production.html");
        StringAssert.DoesNotMatch(File.ReadAllText(page), new Regex("(src|href)=\"https?:"), "nothing is loaded from the network");
        var dom = Chromium.DumpDom(chromium, page, temp.Combine("profile"));
        var diagram = Regex.Match(dom, "<pre class=\"mermaid\"[^>]*>(.*?)</pre>", RegexOptions.Singleline);
        Assert.IsTrue(diagram.Success, "the diagram element is there");
        StringAssert.Contains(diagram.Groups[1].Value, "<svg", "mermaid drew the diagram");
        StringAssert.Contains(diagram.Groups[1].Value, "ConfirmStagingApproval");
    }
}
