using System.Diagnostics;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>
/// <c>[WaitUntil(...)]</c> at run time, through the process (the WaitsForHealth and LongWait samples):
/// polls until success or the timeout, each poll journaled, interruptible by Ctrl-C.
/// </summary>
[TestClass]
public sealed class WaitTests
{
    private static string[] Run(TempFolder folder, string checklist, params string[] more) =>
        ["run", checklist, "--input", $"WorkDir={folder.WorkDir}", "--yes", .. more];

    private static IReadOnlyList<System.Text.Json.JsonElement> Polls(string journal) =>
        Journals.Records(journal).Where(r => r.Type() == "poll").ToArray();

    [TestMethod]
    public void A_wait_that_succeeds_on_its_third_poll_completes_its_step_with_each_poll_journaled_and_the_secret_passed_as_for_commands()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "healthy-after"), "3");

        var result = Sample.Cli(folder, Sample.Environment(), Run(folder, "WaitsForHealth"));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "deploy", "last" }, folder.Log());
        var journal = folder.Journal();
        var records = Journals.Records(journal);
        var polls = Polls(journal);
        CollectionAssert.AreEqual(new int?[] { 1, 2, 3 }, polls.Select(p => p.Number("poll")).ToArray());
        CollectionAssert.AreEqual(new int?[] { 1, 1, 0 }, polls.Select(p => p.Number("exitCode")).ToArray());
        Assert.IsTrue(polls.Take(2).All(p => p.Text("output") is null), "a poll that does not end the wait keeps no output");
        Assert.AreEqual("poll-3 with ***\n", polls[2].Text("output"), "the secret reached the poll through its environment, and was masked");
        var started = records.Single(r => r.Type() == "wait-started");
        Assert.Contains("\"$API_TOKEN\"", started.Text("line")!);
        var order = records.Select(r => r.Type()).ToList();
        Assert.IsLessThan(order.IndexOf("wait-started"), order.IndexOf("command-finished"), "the wait comes after the step's own command");
        Assert.AreEqual("Deploy -Complete-> Last", Journals.Transitions(records)[1]);
        Assert.DoesNotContain(Sample.Token, File.ReadAllText(journal));
        Assert.DoesNotContain(Sample.Token, result.Output);
        Assert.Contains("poll 2 failed with exit code 1: poll-2 with ***; next poll in", result.Output);
        Assert.Contains("poll 3 succeeded", result.Output);
    }

    [TestMethod]
    public void A_wait_whose_timeout_passes_fails_its_step_as_any_failure()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, Sample.Environment(), Run(folder, "WaitsForHealth", "--on-failure", "abort"));

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "deploy" }, folder.Log(), "the next step never ran");
        var journal = folder.Journal();
        var records = Journals.Records(journal);
        var polls = Polls(journal);
        Assert.IsGreaterThanOrEqualTo(2, polls.Count, "polled until the timeout");
        Assert.IsTrue(polls.All(p => p.Number("exitCode") != 0), "no poll succeeded");
        Assert.IsNotNull(polls[^1].Text("output"), "the last poll's output is kept");
        var timedOut = records.Single(r => r.Type() == "wait-timed-out");
        Assert.AreEqual(polls.Count, timedOut.Number("poll"));
        var failure = records.Single(r => r.Type() == "failure");
        Assert.Contains("did not succeed within 2 s", failure.Text("text")!);
        Assert.AreEqual("Deploy -Abort-> Aborted", Journals.Transitions(records)[^1]);
    }

    [TestMethod]
    public void Ctrl_c_during_a_wait_pauses_the_run_and_resume_waits_again_until_it_succeeds()
    {
        using var folder = new TempFolder();

        var interrupted = CtrlC.After(folder, "\"type\":\"poll\"", Run(folder, "LongWait"));

        Assert.AreEqual(5, interrupted.ExitCode, interrupted.ToString());
        var journal = folder.Journal();
        var records = Journals.Records(journal);
        Assert.AreEqual("paused", records[^1].Type());
        Assert.AreEqual("poll", records[^2].Type(), "stopped in a poll or in the pause after one");
        Assert.IsFalse(records.Any(r => r.Type() == "poll" && r.Number("exitCode") == 0));
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(folder.Path, ".checklist", "locks")), "the lock is released");

        File.WriteAllText(Path.Combine(folder.WorkDir, "healthy"), "");
        var resumed = Sample.Cli(folder, null, "resume", records[0].Text("runId")!, "--yes");

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        CollectionAssert.AreEqual(new[] { "last" }, folder.Log());
        var after = Journals.Records(journal);
        Assert.AreEqual(2, after.Count(r => r.Type() == "wait-started"), "the resumed run waits again, for a whole timeout");
        Assert.AreEqual(0, after.Last(r => r.Type() == "poll").Number("exitCode"));
    }

    [TestMethod]
    public void In_a_terminal_the_wait_counts_down_on_one_line_redrawn_in_place()
    {
        if (!File.Exists("/usr/bin/script"))
            Assert.Inconclusive("util-linux `script` is needed to give the tool a terminal.");
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.WorkDir, "healthy-after"), "3");
        string[] words = ["dotnet", CliProcess.ToolPath, .. Run(folder, "WaitsForHealth"), "--assembly", SampleChecklists.AssemblyPath];
        var command = string.Join(" ", words.Select(word => "'" + word.Replace("'", "'\\''") + "'"));
        // The environment every CLI test process gets, in a terminal that draws (not TERM=dumb).
        var start = CliProcess.StartInfo(folder.Path, Sample.Environment(), []);
        start.FileName = "/usr/bin/script";
        start.ArgumentList.Clear();
        foreach (var argument in new[] { "-qfec", command, "/dev/null" })
            start.ArgumentList.Add(argument);
        start.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();

        var result = CliProcess.Wait(process, stdout, stderr);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        // Carriage return and erase-line: the countdown overwrites itself instead of adding lines.
        Assert.Contains("\r\u001b[2K  ⏳ poll 1 failed with exit code 1: poll-1 with ***; next poll in ", result.Output);
        Assert.Contains("\r\u001b[2K  ⏳ poll 2 failed with exit code 1: poll-2 with ***; next poll in ", result.Output);
        Assert.DoesNotContain(Sample.Token, result.Output);
        Assert.HasCount(3, Polls(folder.Journal()));
    }

    [TestMethod]
    public void Dry_run_shows_the_wait_and_the_retries()
    {
        using var folder = new TempFolder();

        var waits = Sample.Cli(folder, null, "run", "WaitsForHealth", "--dry-run", "--input", "WorkDir=/w");
        var retries = Sample.Cli(folder, null, "run", "RetriedCommands", "--dry-run", "--input", "WorkDir=/w");

        Assert.AreEqual(0, waits.ExitCode, waits.ToString());
        Assert.Contains("then waits until n=$(cat /w/polls", waits.Output);
        Assert.Contains("succeeds: a poll every 100 ms, for up to 2 s", waits.Output);
        Assert.AreEqual(0, retries.ExitCode, retries.ToString());
        Assert.Contains("(retried up to 3 times, after 50 ms, doubling each time)", retries.Output);
    }
}
