using System.Diagnostics;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary>
/// The prompts, answered through a pseudo-terminal (<c>script</c>) with TERM=dumb, where every
/// question is a typed line: the approver's name, the choice after a failure, an optional step.
/// </summary>
[TestClass]
public sealed class InteractiveTests
{
    [TestMethod]
    public void In_a_terminal_the_approver_types_a_name_that_is_recorded_and_an_optional_step_can_be_skipped()
    {
        using var folder = new TempFolder();
        string[] answers =
        [
            "y", "y", "Dana Scully", "approve", // the gate: its command, its check, the approver and the decision
            "y", "y", "y", "y", "y", "y", "y", "y", // the commands of steps 2 to 6
            "skip",                                 // the optional step
            "y", "y", "y",                          // the last step: its command and two checks
        ];

        var result = RunInTerminal(folder, answers, "run", "ProductionToStagingSync", "--input", $"WorkDir={folder.WorkDir}", "--input", "StagingHost=staging.local");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var records = Journals.Records(folder.Journal());
        var approval = records.Single(r => r.Type() == "approval");
        Assert.AreEqual("Dana Scully", approval.Text("approver"));
        Assert.AreEqual("prompt", approval.Text("via"));
        CollectionAssert.Contains(Journals.Transitions(records), "FlushStagingCache -Skip-> VerifyStaging");
        Assert.IsTrue(records.Where(r => r.Type() == "check").All(r => r.Text("via") == "prompt"));
        Assert.DoesNotContain("flush-cache", folder.Log());
    }

    [TestMethod]
    public void In_a_terminal_an_unticked_check_and_a_failed_command_offer_retry_and_abort()
    {
        using var folder = new TempFolder();
        string[] answers =
        [
            "y",             // "Read the runbook" is done
            "n", "retry",    // box one not ticked: ask again
            "y", "y",        // box one, box two
            "y", "abort",    // run `false`; it fails: abort
        ];

        var result = RunInTerminal(folder, answers, "run", "ManualChecks");

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        var records = Journals.Records(folder.Journal());
        CollectionAssert.AreEqual(new[] { "Retry", "Abort" }, records.Where(r => r.Type() == "failure").Select(r => r.Text("action")).ToArray());
        Assert.Contains("the check 'Box one' is not ticked", records.First(r => r.Type() == "failure").Text("text")!);
        Assert.AreEqual("FailingCommand -Abort-> Aborted", Journals.Transitions(records)[^1]);
        // ManualChecks has no rollback procedure: the menu offers no "Roll back"; each answer is echoed.
        Assert.DoesNotContain("rollback:", result.Output);
        Assert.DoesNotContain("Roll back", result.Output);
        Assert.Contains("Chosen: Retry", result.Output);
        Assert.Contains("Chosen: Abort (stop here, roll nothing back)", result.Output);
    }

    /// <summary>Runs the tool under <c>script</c> (a pseudo-terminal), typing the answers ahead.</summary>
    private static CliResult RunInTerminal(TempFolder folder, string[] answers, params string[] args)
    {
        if (!File.Exists("/usr/bin/script"))
            Assert.Inconclusive("util-linux `script` is needed to give the tool a terminal.");
        var command = string.Join(" ", new[] { "dotnet", CliProcess.ToolPath }.Concat(args).Concat(["--assembly", SampleChecklists.AssemblyPath]).Select(Quote));
        var start = new ProcessStartInfo("/usr/bin/script")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "-qfec", command, "/dev/null" },
        };
        start.Environment["TERM"] = "dumb";
        start.Environment["CHECKLIST_HOME"] = CliProcess.Home;
        start.Environment["API_TOKEN"] = Sample.Token;
        start.Environment.Remove("CHECKLIST_TEST_CRASH_AFTER_RECORDS");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        foreach (var answer in answers)
            process.StandardInput.Write(answer + "\r");
        process.StandardInput.Flush();
        return CliProcess.Wait(process, stdout, stderr);
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''") + "'";
}
