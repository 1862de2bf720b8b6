using System.Diagnostics;
using System.Text.Json;
using ChecklistDsl.Cli.Tests.Cli;
using ChecklistDsl.Cli.Tests.Support;
using Chromium = ChecklistDsl.Tests.Shared.Chromium;

namespace ChecklistDsl.Cli.Tests.Reporting;

/// <summary>
/// <c>checklist report</c> and <c>checklist verify</c> through the real tool, on runs of the sample
/// checklists: a sync that fails and is rolled back after an approval, commands that print secrets and
/// credentials, a run in progress, a paused run, an unreadable journal, an altered journal.
/// </summary>
[TestClass]
public sealed class ReportTests
{
    private static readonly string[] Formats = ["md", "html", "json"];

    private static CliResult Report(TempFolder folder, string format, params string[] more) =>
        CliProcess.Run(folder.Path, null, ["report", RunId(folder), "--format", format, .. more, "--assembly", SampleChecklists.AssemblyPath]);

    private static string RunId(TempFolder folder) => Path.GetFileNameWithoutExtension(folder.Journal());

    [TestMethod]
    public void A_failed_and_rolled_back_sync_is_reported_with_its_failure_rollback_approver_and_exit_codes_in_every_format()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fail-import"), "");
        var run = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approve", "Release manager=Ann Lee"));
        Assert.AreEqual(1, run.ExitCode, run.ToString());

        foreach (var format in Formats)
        {
            var report = Report(folder, format);
            Assert.AreEqual(0, report.ExitCode, report.ToString());
            var text = format == "json" ? string.Join("\n", LeakScan.JsonStrings(report.Output)) : report.Output;
            foreach (var expected in new[]
            {
                "Sync production to staging", "rolled back",
                "Failure in 'Import the production dump'", "failed with exit code 1",
                "Restore the staging database from the backup (undoing 'Import the production dump')",
                "Restore the staging files (undoing 'Sync files')",
                "Ann Lee", "Release manager", "intact (",
            })
            {
                Assert.Contains(expected, Unescape(text, format), $"{format}: {expected}");
            }
            Assert.DoesNotContain(Sample.Token, report.Output, $"{format}: the secret");
            Assert.DoesNotContain(Sample.Token, report.Error, $"{format}: the secret");
        }

        using var json = JsonDocument.Parse(Report(folder, "json").Output);
        var root = json.RootElement;
        Assert.AreEqual("rolled back", root.GetProperty("outcome").GetString());
        var exitCodes = root.GetProperty("commands").EnumerateArray().Select(c => c.TryGetProperty("exitCode", out var e) ? e.GetInt32() : -1).ToArray();
        CollectionAssert.Contains(exitCodes, 1, "the failing command's exit code");
        Assert.AreEqual(0, exitCodes[0]);
        var approval = root.GetProperty("approvals").EnumerateArray().Single();
        Assert.AreEqual("Ann Lee", approval.GetProperty("who").GetString());
        Assert.IsFalse(approval.GetProperty("verified").GetBoolean(), "a name typed with --approve is not verified");
        var timeline = root.GetProperty("timeline").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString());
        Assert.AreEqual("done", timeline["ConfirmSyncWindow"]);
        Assert.AreEqual("rolled back", timeline["SyncFiles"]);
        Assert.AreEqual("failed, rolled back", timeline["ImportProductionDump"]);
        Assert.AreEqual("not reached", timeline["VerifyStaging"]);
        var kinds = root.GetProperty("deviations").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToArray();
        CollectionAssert.IsSubsetOf(new[] { "failure", "rollback" }, kinds);
        Assert.AreEqual("intact", root.GetProperty("integrity").GetProperty("status").GetString());
        Assert.AreEqual(GitHead(), root.GetProperty("sourceRevision").GetString()!.Replace("+dirty", "", StringComparison.Ordinal),
            "the commit the sample checklists were built from, stamped at build and recorded when the run started");

        // Deviations come first, before the timeline and the commands.
        var markdown = Report(folder, "md").Output;
        Assert.IsLessThan(markdown.IndexOf("## Timeline", StringComparison.Ordinal), markdown.IndexOf("## Deviations", StringComparison.Ordinal));
        Assert.IsLessThan(markdown.IndexOf("## Commands", StringComparison.Ordinal), markdown.IndexOf("## Timeline", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Secrets_and_credentials_printed_by_commands_appear_in_no_format_of_the_report()
    {
        const string deployToken = "dtok-5Jq2-Wv8n-Lp3z";
        const string dbPassword = "pw-7Hk#2 & \"quoted\" +plus";
        const string keyBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
        var secrets = new Dictionary<string, string>
        {
            ["DEPLOY_TOKEN"] = deployToken,
            ["DB_PASSWORD"] = dbPassword,
            ["SIGNING_KEY"] = "-----BEGIN TEST KEY-----\n" + keyBody + "\n-----END TEST KEY-----",
        };
        // The credentials as the commands print them (their command lines hold only the pieces, as in the journal).
        string[] forbidden = [deployToken, dbPassword, keyBody, "Bearer eyJhbGciOiJIUzI1NiJ9", "password=hunter2-shape", "deploy:s3cr3t-in-url@", "AKIAIOSFODNN7EXAMPLE"];
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fail"), "");
        var run = CliProcess.Run(folder.Path, secrets, "run", "TalkativeCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--assembly", SampleChecklists.AssemblyPath);
        Assert.AreEqual(1, run.ExitCode, run.ToString());

        var reports = Path.Combine(folder.Path, "reports");
        foreach (var format in Formats)
        {
            var written = CliProcess.Run(folder.Path, secrets, "report", RunId(folder), "--output", Path.Combine(reports, "report." + format), "--assembly", SampleChecklists.AssemblyPath);
            Assert.AreEqual(0, written.ExitCode, written.ToString());
            var shown = Report(folder, format);
            // Also as a reader sees it: Markdown escapes and HTML entities undone.
            var leaks = LeakScan.Find(forbidden, reports, ("stdout " + format, shown.Output), ("read " + format, Unescape(shown.Output, format)),
                ("stderr " + format, shown.Error + written.Output + written.Error));
            Assert.IsEmpty(leaks, string.Join("\n", leaks));
            Assert.Contains("failed using ***", Unescape(shown.Output, format), $"{format}: the failing command's output is there, masked");
        }
        Assert.HasCount(3, LeakScan.Files(reports));
    }

    [TestMethod]
    public void The_html_report_opened_in_headless_Chromium_shows_the_timeline_and_a_collapsed_output_block()
    {
        var chromium = Chromium.Require();
        using var folder = new TempFolder();
        var run = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Ann Lee"));
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var page = Path.Combine(folder.Path, "report.html");
        var written = CliProcess.Run(folder.Path, null, "report", RunId(folder), "--output", page, "--assembly", SampleChecklists.AssemblyPath);
        Assert.AreEqual(0, written.ExitCode, written.ToString());
        var html = File.ReadAllText(page);
        Assert.DoesNotContain("<script", html, "the report runs no script");
        Assert.IsFalse(System.Text.RegularExpressions.Regex.IsMatch(html, "(src|href)=\"https?:"), "and fetches nothing");

        // A copy with a probe that records what the browser laid out; the report itself has no script.
        var probe = Path.Combine(folder.Path, "probe.html");
        File.WriteAllText(probe, html.Replace("</body>", """
            <script>
            const details = [...document.querySelectorAll('details')];
            const timeline = document.getElementById('timeline');
            const table = timeline && timeline.nextElementSibling;
            document.body.dataset.probe = JSON.stringify({
              timelineRows: table && table.tagName === 'TABLE' ? table.querySelectorAll('tbody tr').length : -1,
              firstStep: table ? table.querySelector('tbody tr').innerText : '',
              details: details.length,
              open: details.filter(d => d.open).length,
              outputShown: details.filter(d => d.querySelector('pre').checkVisibility()).length,
              summaryShown: details.filter(d => d.querySelector('summary').checkVisibility()).length,
              output: details.length ? details[0].querySelector('pre').textContent : ''
            });
            </script>
            </body>
            """, StringComparison.Ordinal));

        var dom = Chromium.DumpDom(chromium, probe, Path.Combine(folder.Path, "profile"));

        var match = System.Text.RegularExpressions.Regex.Match(dom, "data-probe=\"([^\"]*)\"");
        Assert.IsTrue(match.Success, dom);
        using var result = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value));
        var r = result.RootElement;
        Assert.AreEqual(8, r.GetProperty("timelineRows").GetInt32(), "one row per step of the sync");
        Assert.Contains("Confirm the sync window", r.GetProperty("firstStep").GetString()!);
        Assert.IsGreaterThan(0, r.GetProperty("details").GetInt32(), "a command's output block");
        Assert.AreEqual(0, r.GetProperty("open").GetInt32(), "collapsed");
        Assert.AreEqual(0, r.GetProperty("outputShown").GetInt32(), "the output is not laid out until opened");
        Assert.AreEqual(r.GetProperty("details").GetInt32(), r.GetProperty("summaryShown").GetInt32(), "each block's summary is visible");
        Assert.Contains("calling the provider for staging.local with ***", r.GetProperty("output").GetString()!);
    }

    [TestMethod]
    public void A_run_in_progress_is_reported_as_such()
    {
        using var folder = new TempFolder();
        var hold = Path.Combine(folder.WorkDir, "hold");
        File.WriteAllText(hold, "");
        var secrets = new Dictionary<string, string> { ["DEPLOY_TOKEN"] = "t1", ["DB_PASSWORD"] = "p1", ["SIGNING_KEY"] = "k1" };
        using var process = CliProcess.Start(folder.Path, secrets,
            ["run", "TalkativeCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--assembly", SampleChecklists.AssemblyPath], out var stdout, out var stderr);
        try
        {
            Journals.WaitForRecord(folder, "\"state\":\"Hold\"", process);
            foreach (var format in Formats)
            {
                var report = Report(folder, format);
                Assert.AreEqual(0, report.ExitCode, report.ToString());
                Assert.Contains("in progress", report.Output, format);
            }
            StringAssert.Contains(Report(folder, "md").Output, "| Hold | in progress |");
        }
        finally
        {
            File.Delete(hold);
            CliProcess.Wait(process, stdout, stderr);
        }
    }

    [TestMethod]
    public void A_paused_run_is_reported_as_paused_with_how_to_continue_it()
    {
        using var folder = new TempFolder();
        var run = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder));
        Assert.AreEqual(5, run.ExitCode, run.ToString());

        foreach (var format in Formats)
        {
            var report = Report(folder, format);
            Assert.AreEqual(0, report.ExitCode, report.ToString());
            Assert.Contains("paused", report.Output, format);
            Assert.Contains($"checklist resume {RunId(folder)}", report.Output, format);
        }
        StringAssert.Contains(Report(folder, "md").Output, "| Confirm the sync window | paused here |");
    }

    [TestMethod]
    public void An_unreadable_journal_gives_a_report_that_says_so_and_is_left_untouched()
    {
        using var folder = new TempFolder();
        var run = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Ann Lee"));
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var journal = folder.Journal();
        var bad = File.ReadAllLines(journal).Length + 1;
        File.AppendAllText(journal, "not a record\n");
        var before = File.ReadAllBytes(journal);

        foreach (var format in Formats)
        {
            var report = Report(folder, format);
            Assert.AreEqual(3, report.ExitCode, report.ToString());
            Assert.Contains("unreadable", report.Output, format);
            Assert.Contains($"line {bad}", report.Output, format);
            Assert.DoesNotContain("Internal error", report.Error);
        }
        CollectionAssert.AreEqual(before, File.ReadAllBytes(journal));
    }

    [TestMethod]
    public void Verify_says_intact_and_names_the_first_altered_record_in_verify_status_and_report()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fail-import"), "");
        var run = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Ann Lee"));
        Assert.AreEqual(1, run.ExitCode, run.ToString());
        var journal = folder.Journal();
        var lines = File.ReadAllLines(journal);

        var intact = CliProcess.Run(folder.Path, null, "verify", RunId(folder));
        Assert.AreEqual(0, intact.ExitCode, intact.ToString());
        StringAssert.StartsWith(intact.Output, $"intact ({lines.Length} records)");
        var head = System.Text.RegularExpressions.Regex.Match(intact.Output, "sha256:[0-9a-f]{64}").Value;
        Assert.AreEqual(0, CliProcess.Run(folder.Path, null, "verify", RunId(folder), "--head", head).ExitCode);

        // The failing command's exit code, 1, rewritten as 0.
        var index = Array.FindIndex(lines, l => l.Contains("\"exitCode\":1", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("\"exitCode\":1", "\"exitCode\":0", StringComparison.Ordinal);
        File.WriteAllLines(journal, lines);

        var altered = CliProcess.Run(folder.Path, null, "verify", RunId(folder));
        Assert.AreEqual(6, altered.ExitCode, altered.ToString());
        StringAssert.Contains(altered.Output, $"broken: record {index + 1} (command-finished): its content does not match its hash");
        var status = CliProcess.Run(folder.Path, null, "status");
        StringAssert.Contains(status.Output, $"BROKEN at record {index + 1}");
        var report = Report(folder, "md");
        Assert.AreEqual(0, report.ExitCode, report.ToString());
        StringAssert.Contains(report.Output, $"broken: record {index + 1} (command\\-finished)".Replace("\\-", "-", StringComparison.Ordinal));

        // A record cut from the end: the chain still holds, the head noted before does not.
        File.WriteAllLines(journal, File.ReadAllLines(journal)[..^1]);
        var cut = CliProcess.Run(folder.Path, null, "verify", RunId(folder), "--head", head);
        Assert.AreEqual(6, cut.ExitCode, cut.ToString());

        // The chain stripped from every record: unchained on its own, caught against the noted head.
        File.WriteAllLines(journal, File.ReadAllLines(journal).Select(l => l[..l.IndexOf(",\"prev\"", StringComparison.Ordinal)] + "}"));
        var stripped = CliProcess.Run(folder.Path, null, "verify", RunId(folder));
        Assert.AreEqual(0, stripped.ExitCode, stripped.ToString());
        StringAssert.StartsWith(stripped.Output, "unchained (older format)");
        var strippedAgainstHead = CliProcess.Run(folder.Path, null, "verify", RunId(folder), "--head", head);
        Assert.AreEqual(6, strippedAgainstHead.ExitCode, strippedAgainstHead.ToString());
        StringAssert.Contains(strippedAgainstHead.Output, "rewritten without its chain");
    }

    [TestMethod]
    public void A_killed_run_is_reported_as_stopped_then_its_torn_record_unlock_and_resume_as_deviations_with_the_chain_intact()
    {
        using var folder = new TempFolder();
        var hold = Path.Combine(folder.WorkDir, "hold");
        File.WriteAllText(hold, "");
        using var process = CliProcess.Start(folder.Path, null,
            ["run", "SlowCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", "--assembly", SampleChecklists.AssemblyPath], out var stdout, out var stderr);
        Journals.WaitForRecord(folder, "\"state\":\"Hold\"", process);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        _ = (stdout.Result, stderr.Result);

        var stopped = Report(folder, "md").Output;
        StringAssert.Contains(stopped, "**stopped**");
        StringAssert.Contains(stopped, "no end recorded: the run stopped while it ran");
        StringAssert.Contains(stopped, $"checklist resume {RunId(folder)}");

        // As if the kill had come in the middle of writing a record: a last line without its end.
        var records = File.ReadAllLines(folder.Journal()).Length;
        File.AppendAllText(folder.Journal(), "{\"type\":\"command-fini");
        var torn = CliProcess.Run(folder.Path, null, "verify", RunId(folder));
        Assert.AreEqual(6, torn.ExitCode, torn.ToString());
        StringAssert.StartsWith(torn.Output, $"cut off: record {records + 1} is incomplete");
        StringAssert.Contains(CliProcess.Run(folder.Path, null, "status").Output, $"cut off at record {records + 1}");

        var unlock = CliProcess.Run(folder.Path, null, "unlock", "SlowCommands");
        Assert.AreEqual(0, unlock.ExitCode, unlock.ToString());
        File.Delete(hold);
        var resumed = Sample.Cli(folder, null, "resume", RunId(folder), "--yes");
        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());

        using var json = JsonDocument.Parse(Report(folder, "json").Output);
        Assert.AreEqual("completed", json.RootElement.GetProperty("outcome").GetString());
        var kinds = json.RootElement.GetProperty("deviations").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToArray();
        CollectionAssert.IsSubsetOf(new[] { "unlock", "torn-record", "resume" }, kinds, string.Join(", ", kinds));
        Assert.AreEqual("intact", json.RootElement.GetProperty("integrity").GetProperty("status").GetString(),
            "the chain runs on across the kill, the unlock, the torn record set aside and the resume");
        var verify = CliProcess.Run(folder.Path, null, "verify", RunId(folder));
        Assert.AreEqual(0, verify.ExitCode, verify.ToString());
    }

    [TestMethod]
    public void The_report_links_the_runbook_page_of_a_published_github_wiki_and_nothing_otherwise()
    {
        using var folder = new TempFolder();
        var run = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Ann Lee"));
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(Report(folder, "md").Output, "not published to a wiki");

        // What `checklist publish --wiki https://github.com/acme/ops.wiki.git` leaves: a clone holding the page.
        var clone = Path.Combine(folder.Path, ".checklist", "wiki", "0123456789ab");
        Directory.CreateDirectory(clone);
        Git(clone, "init", "--quiet");
        Git(clone, "remote", "add", "origin", "https://github.com/acme/ops.wiki.git");
        File.WriteAllText(Path.Combine(clone, "Sync-production-to-staging.md"), "# Sync production to staging\n");

        var linked = Report(folder, "md").Output;
        StringAssert.Contains(linked, "(<https://github.com/acme/ops/wiki/Sync-production-to-staging>)");
        var given = Report(folder, "json", "--wiki-url", "https://wiki.example.com/ops/");
        StringAssert.Contains(given.Output, "\"runbookLink\": \"https://wiki.example.com/ops/Sync-production-to-staging\"");
    }

    [TestMethod]
    public void Without_the_checklists_the_report_names_steps_from_the_journal()
    {
        using var folder = new TempFolder();
        var run = Sample.Cli(folder, Sample.Environment(), Sample.SyncRun(folder, "--approver", "Ann Lee"));
        Assert.AreEqual(0, run.ExitCode, run.ToString());

        // No --assembly, and no project in the folder.
        var report = CliProcess.Run(folder.Path, null, "report", RunId(folder));

        Assert.AreEqual(0, report.ExitCode, report.ToString());
        StringAssert.Contains(report.Output, "| ConfirmSyncWindow | done |");
        StringAssert.Contains(report.Output, "the journal alone");
    }

    private static string Unescape(string text, string format) => format switch
    {
        "md" => System.Text.RegularExpressions.Regex.Replace(text, @"\\(.)", "$1"),
        "html" => System.Net.WebUtility.HtmlDecode(text),
        _ => text,
    };

    private static string GitHead()
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = SampleChecklists.ProjectFolder };
        start.ArgumentList.Add("rev-parse");
        start.ArgumentList.Add("HEAD");
        using var process = Process.Start(start)!;
        var head = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return head;
    }

    private static void Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { UseShellExecute = false, WorkingDirectory = folder, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, process.StandardError.ReadToEnd());
    }
}
