using ChecklistDsl.Engine.Graph;
using ChecklistDsl.Generators.Tests.Infrastructure;

namespace ChecklistDsl.Generators.Tests;

/// <summary>The generated machines, compiled and run on the built-in engine.</summary>
[TestClass]
public sealed class GeneratedMachineTests
{
    [TestMethod]
    public void A_run_walks_from_start_through_every_step_to_completed()
    {
        var machine = GeneratedChecklists.NewRun("DeploySafelyToProduction", out var progress);
        var visited = new List<string> { machine.State };

        machine.Fire(ChecklistTrigger.Start);
        visited.Add(machine.State);
        progress.TickAll(0);
        progress.RecordApproval(0, "Dana");
        machine.Fire(ChecklistTrigger.Approve);
        visited.Add(machine.State);
        machine.Fire(ChecklistTrigger.Complete);
        visited.Add(machine.State);
        machine.Fire(ChecklistTrigger.Complete);
        visited.Add(machine.State);
        progress.TickAll(3);
        machine.Fire(ChecklistTrigger.Complete);
        visited.Add(machine.State);

        CollectionAssert.AreEqual(
            new[] { "NotStarted", "ConfirmStagingApproval", "ReconfirmBackupAvailability", "ApplyUpdates", "Monitor", "Completed" },
            visited);
        Assert.IsTrue(machine.IsFinished);
        Assert.AreEqual(4, progress.DoneCount);
        Assert.IsTrue(Enumerable.Range(0, 4).All(progress.IsCompleted));
    }

    [TestMethod]
    public void Complete_is_refused_while_a_check_is_unticked()
    {
        var machine = GeneratedChecklists.NewRun("QuarterlyAccessReview", out var progress);
        machine.Fire(ChecklistTrigger.Start);

        Assert.IsFalse(machine.CanFire(ChecklistTrigger.Complete, out var unmet));
        CollectionAssert.AreEqual(new[] { "all checks ticked" }, unmet.ToArray());
        var refused = Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(ChecklistTrigger.Complete));
        StringAssert.Contains(refused.Message, "all checks ticked");
        Assert.AreEqual("ListAdminAccounts", machine.State);

        progress.Tick(0, 0);
        machine.Fire(ChecklistTrigger.Complete);
        Assert.AreEqual("RemoveStaleAccounts", machine.State);
    }

    [TestMethod]
    public void An_approval_step_goes_on_only_with_a_recorded_approval_and_its_checks_ticked()
    {
        var machine = GeneratedChecklists.NewRun("DeploySafelyToProduction", out var progress);
        machine.Fire(ChecklistTrigger.Start);

        Assert.IsFalse(machine.CanFire(ChecklistTrigger.Complete), "an approval step is not completed without an approval");
        Assert.IsFalse(machine.CanFire(ChecklistTrigger.Approve, out var unmet));
        CollectionAssert.AreEquivalent(new[] { "all checks ticked", "approval recorded" }, unmet.ToArray());

        progress.TickAll(0);
        Assert.IsFalse(machine.CanFire(ChecklistTrigger.Approve, out unmet));
        CollectionAssert.AreEqual(new[] { "approval recorded" }, unmet.ToArray());
        Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(ChecklistTrigger.Approve));

        progress.RecordApproval(0, "Dana");
        machine.Fire(ChecklistTrigger.Approve);
        Assert.AreEqual("ReconfirmBackupAvailability", machine.State);
        Assert.AreEqual("Dana", progress.ApprovedBy(0));
    }

    [TestMethod]
    public void Reject_before_any_change_aborts()
    {
        var machine = GeneratedChecklists.NewRun("DeploySafelyToProduction", out _);
        machine.Fire(ChecklistTrigger.Start);
        machine.Fire(ChecklistTrigger.Reject);
        Assert.AreEqual("Aborted", machine.State);
    }

    [TestMethod]
    public void Fail_before_any_change_aborts()
    {
        var machine = GeneratedChecklists.NewRun("DeploySafelyToProduction", out var progress);
        machine.Fire(ChecklistTrigger.Start);
        progress.TickAll(0);
        progress.RecordApproval(0, "Dana");
        machine.Fire(ChecklistTrigger.Approve);
        machine.Fire(ChecklistTrigger.Fail);
        Assert.AreEqual("Aborted", machine.State);
    }

    [TestMethod]
    public void Fail_after_changes_rolls_back_the_failing_step_then_earlier_changes_newest_first()
    {
        var machine = GeneratedChecklists.NewRun("ProductionToStagingSync", out _);
        machine.Fire(ChecklistTrigger.Start);
        for (var step = 0; step < 4; step++) // sync, back up, transfer, drop
            machine.Fire(ChecklistTrigger.Complete);
        Assert.AreEqual("ImportDatabase", machine.State);

        machine.Fire(ChecklistTrigger.Fail);
        var path = new List<string> { machine.State };
        while (!machine.IsFinished)
        {
            Assert.AreSame(machine.Definition.Steps.Single(s => s.RollbackState == machine.State), machine.StepBeingRolledBack);
            machine.Fire(ChecklistTrigger.Complete);
            path.Add(machine.State);
        }

        CollectionAssert.AreEqual(
            new[] { "ReimportDatabase", "RestoreStagingForTransferBackup", "RestoreStagingForSyncContent", "RolledBack" },
            path);
    }

    [TestMethod]
    public void The_rollback_path_passes_over_a_skipped_optional_change()
    {
        var machine = GeneratedChecklists.NewRun("ProductionToStagingSync", out var progress);
        machine.Fire(ChecklistTrigger.Start);
        machine.Fire(ChecklistTrigger.Complete); // sync content
        machine.Fire(ChecklistTrigger.Complete); // back up
        machine.Fire(ChecklistTrigger.Skip);     // transfer (optional)
        Assert.IsTrue(progress.IsSkipped(2));

        machine.Fire(ChecklistTrigger.Fail);     // drop fails: no own rollback, transfer was skipped
        Assert.AreEqual("RestoreStagingForSyncContent", machine.State);
        machine.Fire(ChecklistTrigger.Complete);
        Assert.AreEqual("RolledBack", machine.State);
    }

    [TestMethod]
    public void Skip_is_permitted_only_on_optional_steps()
    {
        var machine = GeneratedChecklists.NewRun("ProductionToStagingSync", out _);
        machine.Fire(ChecklistTrigger.Start);
        Assert.IsFalse(machine.CanFire(ChecklistTrigger.Skip));
        var refused = Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(ChecklistTrigger.Skip));
        StringAssert.Contains(refused.Message, "No valid leaving transitions are permitted from state 'SyncContent' for trigger 'Skip'");
    }

    [TestMethod]
    public void A_machine_resumes_from_a_saved_state()
    {
        var definition = GeneratedChecklists.Definition("ProductionToStagingSync");
        var progress = new ChecklistProgress(definition);
        progress.MarkCompleted(0);
        progress.MarkCompleted(1);
        var machine = definition.CreateMachine(progress, "TransferBackup");

        machine.Fire(ChecklistTrigger.Fail);

        Assert.AreEqual("RestoreStagingForTransferBackup", machine.State);
        Assert.ThrowsExactly<ArgumentException>(() => definition.CreateMachine(progress, "NoSuchState"));
        Assert.ThrowsExactly<ArgumentException>(() => definition.CreateMachine(progress, "3"));
    }

    [TestMethod]
    public void The_typed_machine_keeps_its_state_in_external_storage()
    {
        var type = GeneratedChecklists.Assembly.GetType("Samples.Sync.ProductionToStagingSync")!;
        var stepEnum = type.GetNestedType("Step")!;
        var triggerEnum = type.GetNestedType("Trigger")!;
        var progress = new ChecklistProgress(GeneratedChecklists.Definition("ProductionToStagingSync"));
        object stored = Enum.Parse(stepEnum, "NotStarted");
        var accessor = typeof(GeneratedMachineTests).GetMethod(nameof(Box), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(stepEnum);
        var boxes = (object[])accessor.Invoke(null, [() => stored, new Action<object>(value => stored = value)])!;
        var create = type.GetMethods().Single(m => m.Name == "CreateStateMachine" && m.GetParameters().Length == 3);

        dynamic machine = create.Invoke(null, [progress, boxes[0], boxes[1]])!;
        machine.Fire((dynamic)Enum.Parse(triggerEnum, "Start"));

        Assert.AreEqual("SyncContent", stored.ToString());
        Assert.AreEqual("SyncContent", ((object)machine.State).ToString());
    }

    // Typed accessor and mutator delegates over an object-typed store.
    private static object[] Box<TState>(Func<object> get, Action<object> set) =>
        [new Func<TState>(() => (TState)get()), new Action<TState>(value => set(value!))];

    [TestMethod]
    public void The_runbook_diagram_is_the_machine()
    {
        foreach (var definition in ChecklistCatalog.FromAssembly(GeneratedChecklists.Assembly))
        {
            var type = GeneratedChecklists.Assembly.GetType(definition.FullName.Replace("Outer.Inner", "Outer+Inner"))!;
            var create = type.GetMethods().Single(m => m.Name == "CreateStateMachine" && m.GetParameters().Length == 1);
            var machine = create.Invoke(null, [new ChecklistProgress(definition)])!;
            // Reflection, not dynamic: the machine of an internal checklist has inaccessible type arguments.
            var info = (ChecklistDsl.Engine.Reflection.StateMachineInfo)machine.GetType().GetMethod("GetInfo")!.Invoke(machine, null)!;
            var fromEngine = MermaidGraph.Format(info);

            var fence = definition.Markdown.IndexOf("```mermaid\n", StringComparison.Ordinal);
            Assert.IsTrue(fence > 0, $"{definition.Name}: the runbook has no mermaid block");
            var diagram = definition.Markdown.Substring(fence + "```mermaid\n".Length);
            Assert.IsTrue(diagram.StartsWith(fromEngine, StringComparison.Ordinal),
                $"{definition.Name}: the diagram differs from the machine.\nEngine:\n{fromEngine}\nRunbook:\n{diagram}");
        }
    }

    [TestMethod]
    public void Automated_steps_run_through_the_definition_with_the_run_inputs()
    {
        var definition = GeneratedChecklists.Definition("DeploySafelyToProduction");
        var instance = definition.CreateInstance!(new Dictionary<string, string> { ["SiteUrl"] = "https://example.org" });
        var output = new StringWriter();
        var monitor = definition.Steps.Single(s => s.Name == "Monitor");
        var context = new StepContext(definition, monitor, null, new Dictionary<string, string> { ["SiteUrl"] = "https://example.org" }, output);

        monitor.Automation!(instance, context).GetAwaiter().GetResult();

        Assert.AreEqual("watching https://example.org" + Environment.NewLine, output.ToString());
        Assert.IsNull(definition.Steps.Single(s => s.Name == "ApplyUpdates").Automation, "a step without a StepContext parameter is manual");
        Assert.AreEqual("https://example.org", instance.GetType().GetProperty("SiteUrl")!.GetValue(instance));
    }

    [TestMethod]
    public void Inputs_that_are_not_given_keep_the_class_defaults()
    {
        var definition = GeneratedChecklists.Definition("ProductionToStagingSync");
        var instance = definition.CreateInstance!(new Dictionary<string, string>());
        Assert.AreEqual("staging.example.org", instance.GetType().GetProperty("StagingHost")!.GetValue(instance));
    }

    [TestMethod]
    public void The_catalog_lists_every_checklist_of_the_assembly()
    {
        var names = ChecklistCatalog.FromAssembly(GeneratedChecklists.Assembly).Select(d => d.FullName).ToList();
        CollectionAssert.AreEqual(
            new[] { "Outer.Inner", "QuarterlyAccessReview", "Samples.Deployments.DeploySafelyToProduction", "Samples.Sync.ProductionToStagingSync" },
            names);
    }
}
