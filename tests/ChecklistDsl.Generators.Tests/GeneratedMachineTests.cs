using ChecklistDsl.Generators.Tests.Infrastructure;

namespace ChecklistDsl.Generators.Tests;

/// <summary>The generated machines, compiled and run on Stateless.</summary>
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
        StringAssert.Contains(refused.Message, "Complete is refused in step 1. ");
        StringAssert.Contains(refused.Message, "is not ticked");
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
        StringAssert.Contains(refused.Message, "Skip is not permitted in step 1. ");
        StringAssert.Contains(refused.Message, "(permitted: Complete, Fail, Abort)");
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
    public void CreateStateMachine_returns_a_Stateless_machine_over_the_checklists_own_enums()
    {
        var type = GeneratedChecklists.Assembly.GetType("Samples.Sync.ProductionToStagingSync")!;
        var create = type.GetMethods().Single(m => m.Name == "CreateStateMachine" && m.GetParameters().Length == 1);

        var machine = create.Invoke(null, [new ChecklistProgress(GeneratedChecklists.Definition("ProductionToStagingSync"))])!;

        var expected = typeof(Stateless.StateMachine<,>).MakeGenericType(type.GetNestedType("Step")!, type.GetNestedType("Trigger")!);
        Assert.AreEqual(expected, machine.GetType());
        Assert.AreEqual("NotStarted", ((dynamic)machine).State.ToString());
    }

    [TestMethod]
    public void The_runbook_diagram_has_the_transitions_of_the_machine_Stateless_describes()
    {
        foreach (var definition in ChecklistCatalog.FromAssembly(GeneratedChecklists.Assembly).Concat(SeedChecklists()))
        {
            var info = definition.CreateMachine(new ChecklistProgress(definition), ChecklistMachine.NotStarted).GetInfo();
            var fromStateless = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var state in info.States)
                foreach (var transition in state.FixedTransitions)
                    fromStateless.Add(Edge(state.UnderlyingState.ToString()!, transition.Trigger.UnderlyingTrigger.ToString()!, transition.DestinationState.UnderlyingState.ToString()!,
                        transition.GuardConditionsMethodDescriptions.Select(g => g.Description)));

            var diagram = Diagram(definition);
            var drawn = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var line in diagram.Split('\n'))
            {
                var match = System.Text.RegularExpressions.Regex.Match(line, @"^    (\w+) --> (\w+) : (\w+)(?: \[(.*)\])?$");
                if (match.Success)
                    drawn.Add(Edge(match.Groups[1].Value, match.Groups[3].Value, match.Groups[2].Value,
                        match.Groups[4].Success ? match.Groups[4].Value.Split(" and ") : []));
            }
            // The note stands for the unguarded Abort of every step and rollback, and their unguarded
            // Fail into Aborted wherever no Fail edge is drawn.
            StringAssert.Contains(diagram,
                "    note left of Aborted\n        Abort from any step or rollback\n        Fail from any step or rollback without a Fail edge drawn\n    end note\n");
            foreach (var state in info.States)
            {
                var name = state.UnderlyingState.ToString()!;
                if (name is ChecklistMachine.NotStarted or ChecklistMachine.Completed or ChecklistMachine.Aborted or ChecklistMachine.RolledBack)
                    continue;
                drawn.Add(Edge(name, "Abort", ChecklistMachine.Aborted, []));
                if (!drawn.Any(edge => edge.StartsWith(name + " --Fail--> ", StringComparison.Ordinal)))
                    drawn.Add(Edge(name, "Fail", ChecklistMachine.Aborted, []));
            }

            CollectionAssert.AreEqual(fromStateless.ToList(), drawn.ToList(),
                $"{definition.Name}: the diagram's transitions differ from GetInfo()'s.\nStateless:\n{string.Join("\n", fromStateless)}\nRunbook:\n{string.Join("\n", drawn)}");
            Assert.IsGreaterThan(definition.Steps.Count, fromStateless.Count, $"{definition.Name}: too few transitions to compare");
        }
    }

    [TestMethod]
    public void The_largest_seed_diagram_draws_one_edge_into_Aborted_per_reason_not_per_step()
    {
        var largest = SeedChecklists().MaxBy(d => d.Steps.Count)!;
        var drawn = Diagram(largest).Split('\n').Count(l => l.Contains(" --> Aborted ", StringComparison.Ordinal));
        var inMachine = largest.CreateMachine(new ChecklistProgress(largest), ChecklistMachine.NotStarted).GetInfo().States
            .Sum(s => s.FixedTransitions.Count(t => t.DestinationState.UnderlyingState.ToString() == ChecklistMachine.Aborted));

        // Without the note, every step drew its own Abort edge, and most their own Fail edge, into Aborted.
        Assert.IsGreaterThanOrEqualTo(60, largest.Steps.Count);
        Assert.IsGreaterThan(2 * largest.Steps.Count, inMachine);
        Assert.IsLessThan(inMachine / 4, drawn, $"{largest.Name}: {drawn} of the machine's {inMachine} edges into Aborted are drawn");
    }

    private static string Edge(string source, string trigger, string destination, IEnumerable<string> guards) =>
        $"{source} --{trigger}--> {destination} [{string.Join(" and ", guards.Order(StringComparer.Ordinal))}]";

    private static string Diagram(ChecklistDefinition definition)
    {
        var fence = definition.Markdown.IndexOf("```mermaid\n", StringComparison.Ordinal);
        Assert.IsGreaterThan(0, fence, $"{definition.Name}: the runbook has no mermaid block");
        var start = fence + "```mermaid\n".Length;
        return definition.Markdown[start..definition.Markdown.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static IReadOnlyList<ChecklistDefinition> SeedChecklists() => ChecklistCatalog.FromAssembly(GeneratedChecklists.Seeds);

    [TestMethod]
    public void Conditions_waits_and_retries_reach_the_definition_and_a_conditional_step_may_be_skipped()
    {
        var definition = GeneratedChecklists.Definition("ClearCaches");
        var flush = definition.Steps[0];
        var purge = definition.Steps[1];
        var wait = definition.Steps[2].Wait!;

        Assert.AreEqual(("CacheBackend", "redis"), (flush.Condition!.Input, flush.Condition.Value));
        Assert.AreEqual((2, TimeSpan.FromSeconds(2)), (flush.CommandRetries[0].Retries, flush.CommandRetries[0].Delay));
        Assert.AreEqual(("UsesCdn", (string?)null), (purge.Condition!.Input, purge.Condition.Value));
        Assert.AreSame(CommandRetry.None, purge.CommandRetries[0]);
        Assert.AreEqual((3, CommandRetry.DefaultDelay), (purge.CommandRetries[1].Retries, purge.CommandRetries[1].Delay));
        Assert.AreEqual(("curl -fsS {SiteUrl}/health", TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2)), (wait.Command, wait.Every, wait.Timeout));
        Assert.IsNull(definition.Steps[2].Condition);
        Assert.AreEqual("redis", definition.Rollbacks[0].Condition!.Value);
        Assert.AreEqual(1, definition.Rollbacks[0].CommandRetries[0].Retries);
        CollectionAssert.AreEqual(new[] { true, false, false }, definition.Inputs.Select(input => input.IsBool).ToArray());

        var instance = definition.CreateInstance!(new Dictionary<string, string> { ["UsesCdn"] = "yes", ["CacheBackend"] = "redis" });
        Assert.IsTrue((bool)instance.GetType().GetProperty("UsesCdn")!.GetValue(instance)!);

        // A conditional step takes Skip, and a skipped change is not rolled back.
        var machine = GeneratedChecklists.NewRun("ClearCaches", out var progress);
        machine.Fire(ChecklistTrigger.Start);
        machine.Fire(ChecklistTrigger.Skip);
        Assert.IsTrue(progress.IsSkipped(0));
        Assert.AreEqual("PurgeCdn", machine.State);
        machine.Fire(ChecklistTrigger.Fail);
        Assert.AreEqual("Aborted", machine.State, "the skipped flush has nothing to roll back");
    }

    [TestMethod]
    public void The_fingerprint_covers_conditions_retries_and_waits()
    {
        var source = TestFiles.Input("ConditionsRetriesWaits.cs");
        var original = Fingerprint(source);

        foreach (var edit in new[]
        {
            ("When(nameof(UsesCdn))", "When(nameof(CacheBackend), \"cdn\")"),
            ("Retries = 3)", "Retries = 4)"),
            ("RetryDelay = \"00:00:02\"", "RetryDelay = \"00:00:03\""),
            ("Every = \"00:00:05\"", "Every = \"00:00:06\""),
            ("Timeout = \"00:02:00\"", "Timeout = \"00:03:00\""),
            ("curl -fsS {SiteUrl}/health", "curl -fsS {SiteUrl}/ready"),
            ("When(nameof(CacheBackend), \"redis\")]\n", "]\n"),
        })
        {
            Assert.Contains(edit.Item1, source, "the edit does not apply");
            Assert.AreNotEqual(original, Fingerprint(source.Replace(edit.Item1, edit.Item2)), "not covered: " + edit.Item1);
        }
    }

    private static string Fingerprint(string source)
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(GeneratorHarness.Compilation(("ConditionsRetriesWaits.cs", source))).Output);
        return ChecklistCatalog.FromAssembly(assembly).Single().Fingerprint;
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
            new[] { "Outer.Inner", "QuarterlyAccessReview", "Samples.Cache.ClearCaches", "Samples.Deployments.DeploySafelyToProduction", "Samples.Sync.ProductionToStagingSync" },
            names);
    }
}
