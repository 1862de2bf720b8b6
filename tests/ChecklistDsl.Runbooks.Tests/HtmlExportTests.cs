using ChecklistDsl.Cli;
using System.Diagnostics;
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
        Assert.IsTrue(diagram.Success, "the mermaid block becomes <pre class=\"mermaid\">");
        StringAssert.StartsWith(diagram.Groups[1].Value, "stateDiagram-v2\n    [*] --&gt; NotStarted");
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
        var chromium = FindChromium();
        if (chromium is null)
        {
            if (Repository.IsCi)
                Assert.Fail("chromium is missing in CI: .ci/run must install Debian's chromium package.");
            Assert.Inconclusive("chromium not installed (apt-get install chromium).");
        }
        var script = Mermaid.RequireScript();
        using var temp = new TempFolder();
        Assert.AreEqual(ExitCodes.Completed, ExportCommand.Run(Repository.ChecklistsAssembly, temp.Path, script, new StringWriter(), new StringWriter()));
        var page = temp.Combine("deploy-safely-to-production.html");
        Assert.DoesNotContain("<svg", File.ReadAllText(page), "before mermaid runs, the page has no svg");

        var dom = DumpDom(chromium, page, temp.Combine("profile"));

        var diagram = Regex.Match(dom, "<pre class=\"mermaid\"[^>]*>(.*?)</pre>", RegexOptions.Singleline);
        Assert.IsTrue(diagram.Success, "the diagram element is still there");
        StringAssert.Contains(diagram.Groups[1].Value, "<svg", "mermaid replaced the diagram's text with an svg");
        StringAssert.Contains(diagram.Groups[1].Value, "ConfirmStagingApproval");
    }

    private static string? FindChromium()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    private static string DumpDom(string chromium, string page, string profile)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within two minutes");
        }
        Assert.AreEqual(0, process.ExitCode, "chromium failed: " + stderr.Result);
        return dom;
    }
}
