using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Cli;

/// <summary><c>list</c>, <c>show</c>, <c>graph</c>, <c>unlock</c>, and finding checklists by project.</summary>
[TestClass]
public sealed class CatalogVerbTests
{
    [TestMethod]
    public void List_json_gives_every_checklist_of_the_generated_catalog()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, "list", "--json");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        using var document = System.Text.Json.JsonDocument.Parse(result.Output);
        var rows = document.RootElement.EnumerateArray().ToArray();
        CollectionAssert.AreEqual(new[] { "AutomatedSteps", "FiftySteps", "ManualChecks", "PipelineBackup", "ProductionToStagingSync", "QuorumGates", "SlowCommands", "TalkativeCommands" }, rows.Select(r => r.Text("name")).ToArray());
        var sync = rows.Single(r => r.Text("name") == "ProductionToStagingSync");
        Assert.AreEqual("production", sync.Text("environment"));
        Assert.AreEqual(8, sync.Number("steps"));
    }

    [TestMethod]
    public void List_with_project_builds_the_project_and_reads_its_catalog()
    {
        using var folder = new TempFolder();

        var result = CliProcess.Run(folder.Path, null, "list", "--project", SampleChecklists.ProjectFolder);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains("ProductionToStagingSync", result.Output);
        Assert.Contains("Sync production to staging", result.Output);
    }

    [TestMethod]
    public void Export_takes_its_checklists_through_the_shared_assembly_option()
    {
        using var folder = new TempFolder();
        var mermaid = Path.Combine(folder.Path, "mermaid.min.js");
        File.WriteAllText(mermaid, "// stand-in");

        var result = Sample.Cli(folder, null, "export", "--html", "html", "--mermaid", mermaid);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.IsSubsetOf(
            new[] { "index.html", "production-to-staging-sync.html", "slow-commands.html" },
            Directory.GetFiles(Path.Combine(folder.Path, "html")).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void A_folder_without_a_project_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var result = CliProcess.Run(folder.Path, null, "list");

        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.Contains("No .csproj in", result.Error);
    }

    [TestMethod]
    public void A_file_that_is_not_an_assembly_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var notAnAssembly = Path.Combine(folder.Path, "notes.dll");
        File.WriteAllText(notAnAssembly, "not a PE file");

        var result = CliProcess.Run(folder.Path, null, "list", "--assembly", notAnAssembly);

        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.Contains("Could not read the checklists of", result.Error);
    }

    [TestMethod]
    public void Show_renders_the_runbook_with_its_steps_checks_and_commands()
    {
        using var folder = new TempFolder();

        var result = Sample.Cli(folder, null, "show", "ProductionToStagingSync");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains("Sync production to staging", result.Output);
        Assert.Contains("Confirm the sync window", result.Output);
        Assert.Contains("☐ Staging users were told", result.Output);
        Assert.Contains("echo drop-db >> {WorkDir}/log", result.Output);
        Assert.DoesNotContain("- [ ]", result.Output, "task lists are rendered, not printed raw");
    }

    [TestMethod]
    public void Graph_draws_the_live_Stateless_machine_as_mermaid_or_dot()
    {
        using var folder = new TempFolder();

        var mermaid = Sample.Cli(folder, null, "graph", "ProductionToStagingSync");
        var dot = Sample.Cli(folder, null, "graph", "ProductionToStagingSync", "--format", "dot");
        var bad = Sample.Cli(folder, null, "graph", "ProductionToStagingSync", "--format", "svg");

        Assert.AreEqual(0, mermaid.ExitCode, mermaid.ToString());
        Assert.StartsWith("stateDiagram-v2", mermaid.Output.TrimStart());
        // Stateless draws every transition, the per-step Abort the runbook folds into a note included.
        Assert.Contains("ConfirmSyncWindow --> Aborted : Abort", mermaid.Output);
        Assert.Contains("[approval recorded]", mermaid.Output);
        Assert.AreEqual(0, dot.ExitCode, dot.ToString());
        Assert.StartsWith("digraph", dot.Output.TrimStart());
        Assert.Contains("ConfirmSyncWindow", dot.Output);
        Assert.AreEqual(3, bad.ExitCode, bad.ToString());
        Assert.Contains("svg", bad.Error);
    }

    [TestMethod]
    public void Unlock_clears_a_stale_lock_and_refuses_a_live_one()
    {
        using var folder = new TempFolder();
        var locks = Path.Combine(folder.Path, ".checklist", "locks");
        Directory.CreateDirectory(locks);
        var path = Path.Combine(locks, "SlowCommands@default.lock");
        // A pid that cannot be alive (above the kernel's pid_max).
        File.WriteAllText(path, $"{{\"runId\":\"r1\",\"user\":\"someone\",\"host\":\"{Environment.MachineName}\",\"pid\":2147483000,\"since\":\"2026-01-01T00:00:00Z\"}}");
        var live = Path.Combine(locks, "ManualChecks@default.lock");
        File.WriteAllText(live, $"{{\"runId\":\"r2\",\"user\":\"someone\",\"host\":\"{Environment.MachineName}\",\"pid\":{Environment.ProcessId},\"since\":\"{DateTimeOffset.UtcNow.AddHours(1):O}\"}}");

        var cleared = CliProcess.Run(folder.Path, null, "unlock", "SlowCommands");
        var refused = CliProcess.Run(folder.Path, null, "unlock", "ManualChecks");

        Assert.AreEqual(0, cleared.ExitCode, cleared.ToString());
        Assert.IsFalse(File.Exists(path));
        Assert.Contains("checklist resume r1", cleared.Output);
        Assert.AreEqual(4, refused.ExitCode, refused.ToString());
        Assert.IsTrue(File.Exists(live));
    }
}
