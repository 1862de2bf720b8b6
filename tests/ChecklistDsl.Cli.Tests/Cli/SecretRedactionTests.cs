using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>
/// Secrets and credentials that real commands print (TalkativeCommands: to stdout and stderr, whole,
/// doubled, over several lines, in a failure and in a rollback) appear in no file the run wrote (the
/// whole .checklist folder, read mid-run with the lock held and after the run, JSON decoded) and not on
/// the console; the journal holds *** where they were.
/// </summary>
[TestClass]
public sealed class SecretRedactionTests
{
    private const string DeployToken = "dtok-5Jq2-Wv8n-Lp3z";
    private const string DbPassword = "pw-7Hk#2 & \"quoted\" +plus";
    private const string KeyBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
    private const string SigningKey = "-----BEGIN TEST KEY-----\n" + KeyBody + "\n-----END TEST KEY-----";

    /// <summary>The secrets, and the credentials the commands put together at run time (never in their source).</summary>
    private static readonly string[] Forbidden =
    [
        DeployToken, DbPassword, SigningKey, KeyBody,
        "Bearer eyJhbGciOiJIUzI1NiJ9", "password=hunter2-shape", "hunter2-shape\n", "deploy:s3cr3t-in-url@", "AKIAIOSFODNN7EXAMPLE",
    ];

    private static Dictionary<string, string> Secrets() => new()
    {
        ["DEPLOY_TOKEN"] = DeployToken,
        ["DB_PASSWORD"] = DbPassword,
        ["SIGNING_KEY"] = SigningKey,
    };

    private static string[] Run(TempFolder folder, params string[] more) =>
        ["run", "TalkativeCommands", "--input", $"WorkDir={folder.WorkDir}", "--yes", .. more, "--assembly", SampleChecklists.AssemblyPath];

    [TestMethod]
    public void Echoed_secrets_and_credential_shapes_are_masked_in_every_file_the_run_wrote_and_on_the_console()
    {
        using var folder = new TempFolder();
        var state = Path.Combine(folder.Path, ".checklist");
        var hold = Path.Combine(folder.WorkDir, "hold");
        File.WriteAllText(hold, "");
        using var process = CliProcess.Start(folder.Path, Secrets(), Run(folder), out var stdout, out var stderr);

        // Mid-run: the lock is held and the journal open.
        Journals.WaitForRecord(folder, "\"state\":\"Hold\"", process);
        var midRun = LeakScan.Files(state);
        Assert.IsTrue(midRun.Any(f => f.EndsWith(".lock", StringComparison.Ordinal)), "the lock file was scanned: " + string.Join(", ", midRun));
        var leaksMidRun = LeakScan.Find(Forbidden, state);
        File.Delete(hold);
        var result = CliProcess.Wait(process, stdout, stderr);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsEmpty(leaksMidRun, string.Join("\n", leaksMidRun));
        var leaks = LeakScan.Find(Forbidden, state, ("stdout", result.Output), ("stderr", result.Error));
        Assert.IsEmpty(leaks, string.Join("\n", leaks));
        // Masked, not lost: each echo left *** in the journal where the value was.
        var recorded = string.Join("\n", LeakScan.JsonStrings(File.ReadAllText(folder.Journal())));
        foreach (var masked in new[]
        {
            "token is ***", "password is ***", "******", "Authorization: Bearer ***", "password=***",
            "https://deploy:***@git.example.com/repo.git", "key: ***\n***\n***",
        })
            Assert.Contains(masked, recorded);
        Assert.Contains("token is ***", result.Output);
    }

    [TestMethod]
    public void A_failing_command_and_its_rollback_that_print_secrets_leave_them_out_of_the_failure_the_journal_and_the_console()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "fail"), "");

        var result = CliProcess.Run(folder.Path, Secrets(), Run(folder));

        Assert.AreEqual(1, result.ExitCode, "rolled back: " + result);
        CollectionAssert.AreEqual(new[] { "change", "undo" }, folder.Log());
        var leaks = LeakScan.Find(Forbidden, Path.Combine(folder.Path, ".checklist"), ("stdout", result.Output), ("stderr", result.Error));
        Assert.IsEmpty(leaks, string.Join("\n", leaks));
        var records = Journals.Records(folder.Journal());
        var failure = records.Single(r => r.Type() == "failure");
        Assert.Contains("failed with exit code 3", failure.Text("text")!);
        var recorded = string.Join("\n", LeakScan.JsonStrings(File.ReadAllText(folder.Journal())));
        Assert.Contains("failed using ***", recorded);
        Assert.Contains("undo with *** and ***", recorded);
    }

    [TestMethod]
    public void Show_status_and_a_refused_secret_on_the_command_line_print_no_secret()
    {
        using var folder = new TempFolder();
        var completed = CliProcess.Run(folder.Path, Secrets(), Run(folder));
        Assert.AreEqual(0, completed.ExitCode, completed.ToString());

        var show = CliProcess.Run(folder.Path, Secrets(), "show", "TalkativeCommands", "--assembly", SampleChecklists.AssemblyPath);
        var status = CliProcess.Run(folder.Path, Secrets(), "status");
        var refused = CliProcess.Run(folder.Path, Secrets(), Run(folder, "--input", $"DeployToken={DeployToken}", "--input", $"Unknown={DbPassword}"));

        Assert.AreEqual(0, show.ExitCode, show.ToString());
        Assert.Contains("Talkative commands", show.Output, "show printed the runbook");
        Assert.AreEqual(0, status.ExitCode, status.ToString());
        Assert.AreEqual(3, refused.ExitCode, refused.ToString());
        var leaks = LeakScan.Find(Forbidden, Path.Combine(folder.Path, ".checklist"),
            ("show", show.Output + show.Error), ("status", status.Output + status.Error), ("refused", refused.Output + refused.Error));
        Assert.IsEmpty(leaks, string.Join("\n", leaks));
    }
}
