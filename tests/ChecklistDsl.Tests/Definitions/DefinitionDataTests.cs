namespace ChecklistDsl.Tests.Definitions;

[TestClass]
public sealed class DefinitionDataTests
{
    private static readonly Func<ChecklistProgress, string, ChecklistMachine> NoMachine = (_, _) => throw new NotSupportedException();

    private const string Plan = """
        {"format":4,"name":"Deploy","fullName":"Ops.Deploy","title":"Deploy \"it\"","summary":"line\nnext \\ slash","owner":"Web",
         "environment":"production","isProduction":true,"fingerprint":"sha256:00","runbookFileName":"deploy.md",
         "inputs":[{"name":"ApiToken","description":"Token","isSecret":true,"environmentVariable":"API_TOKEN"},{"name":"Site","description":"URL","environmentVariable":"SITE"}],
         "steps":[
           {"name":"Approve","title":"Approve","fingerprint":"sha256:01","section":"Prepare","checks":["ticket \ud800 lone"],"approvalRole":"Lead"},
           {"name":"Back","title":"Back up","fingerprint":"sha256:02","optional":true,"timeoutTicks":36000000000,"commands":["dump"],
            "backup":{"resources":["db"],"verified":true}},
           {"name":"Change","title":"Change","fingerprint":"sha256:03","destroys":["db"],"modifies":["config"],"verifies":["site"],
            "rollbackName":"Restore","noRollbackReason":"n/a","acceptedRisks":[{"ruleId":"CHK002","because":"tested"}],"automated":true}
         ],
         "rollbacks":[{"name":"Restore","title":"Restore","instructions":"do it","commands":["restore"],"automated":true}]}
        """;

    [TestMethod]
    public void Reads_every_field_of_the_plan()
    {
        var called = new List<string>();
        Func<IReadOnlyDictionary<string, string>, object> create = _ => new object();
        var definition = DefinitionData.Read(Plan, "# Deploy", (method, _, _) => { called.Add(method); return Task.CompletedTask; }, create, NoMachine);

        Assert.AreEqual("Deploy", definition.Name);
        Assert.AreEqual("Ops.Deploy", definition.FullName);
        Assert.AreEqual("Deploy \"it\"", definition.Title);
        Assert.AreEqual("line\nnext \\ slash", definition.Summary);
        Assert.AreEqual("Web", definition.Owner);
        Assert.AreEqual("production", definition.Environment);
        Assert.IsTrue(definition.IsProduction);
        Assert.AreEqual("sha256:00", definition.Fingerprint);
        Assert.AreEqual("# Deploy", definition.Markdown);
        Assert.AreEqual("deploy.md", definition.RunbookFileName);
        Assert.AreSame(create, definition.CreateInstance);
        Assert.AreSame(NoMachine, definition.MachineFactory);

        Assert.AreEqual(2, definition.Inputs.Count);
        Assert.IsTrue(definition.Inputs[0].IsSecret);
        Assert.AreEqual("API_TOKEN", definition.Inputs[0].EnvironmentVariable);
        Assert.IsFalse(definition.Inputs[1].IsSecret);

        var (approve, back, change) = (definition.Steps[0], definition.Steps[1], definition.Steps[2]);
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, definition.Steps.Select(s => s.Index).ToArray());
        Assert.AreEqual("Prepare", approve.Section);
        Assert.IsTrue(approve.StartsSection);
        CollectionAssert.AreEqual(new[] { "ticket \uD800 lone" }, approve.Checks.ToArray());
        Assert.AreEqual("Lead", approve.ApprovalRole);
        Assert.IsNull(approve.Automation);
        Assert.IsNull(approve.Timeout);
        Assert.IsEmpty(approve.Commands);

        // A section runs from the step that names it to the next one that does; a rollback state is the procedure's name unless given.
        Assert.AreEqual(("Prepare", false), (back.Section, back.StartsSection));
        Assert.AreEqual(("Prepare", false), (change.Section, change.StartsSection));
        Assert.IsTrue(back.Optional);
        Assert.AreEqual(TimeSpan.FromHours(1), back.Timeout);
        CollectionAssert.AreEqual(new[] { "db" }, back.Backup!.Resources.ToArray());
        Assert.IsTrue(back.Backup.Verified);
        Assert.IsFalse(back.Backup.OffSite);

        CollectionAssert.AreEqual(new[] { "db" }, change.Destroys.ToArray());
        CollectionAssert.AreEqual(new[] { "config" }, change.Modifies.ToArray());
        CollectionAssert.AreEqual(new[] { "site" }, change.Verifies.ToArray());
        Assert.AreEqual("Restore", change.RollbackName);
        Assert.AreEqual("Restore", change.RollbackState);
        Assert.AreEqual("n/a", change.NoRollbackReason);
        Assert.AreEqual(new AcceptedRisk("CHK002", "tested"), change.AcceptedRisks.Single());

        var rollback = definition.Rollbacks.Single();
        Assert.AreEqual("do it", rollback.Instructions);
        CollectionAssert.AreEqual(new[] { "restore" }, rollback.Commands.ToArray());

        change.Automation!(new object(), null!);
        rollback.Automation!(new object(), null!);
        CollectionAssert.AreEqual(new[] { "Change", "Restore" }, called);
    }

    [TestMethod]
    public void Another_format_is_refused_with_what_to_do()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() =>
            DefinitionData.Read(Plan.Replace("\"format\":4", "\"format\":2"), "", null, null, NoMachine, "Ops.Deploy"));
        StringAssert.Contains(e.Message, "Ops.Deploy is in data format 2; this ChecklistDsl runtime reads format 4");
    }

    [TestMethod]
    [DataRow("{\"format\":4,\"name\":\"A\"", "expected '}' at offset 22")]
    [DataRow("{\"format\":4} trailing", "text after the plan")]
    [DataRow("[1]", "not an object")]
    [DataRow("{\"format\":4,\"name\":\"bad \\x escape\"}", "bad escape")]
    [DataRow("{\"format\":4}", "'name' is missing")]
    [DataRow("{\"format\":\"1\"}", "'format' is not an integer")]
    [DataRow("{\"format\":4,\"name\":\"A\",\"fullName\":\"A\",\"title\":\"A\",\"fingerprint\":\"f\",\"runbookFileName\":\"a.md\",\"isProduction\":null}", "'isProduction' is not true or false")]
    [DataRow("{\"format\":4,\"name\":\"A\",\"fullName\":\"A\",\"title\":\"A\",\"fingerprint\":\"f\",\"runbookFileName\":\"a.md\",\"steps\":{}}", "'steps' is not an array")]
    [DataRow("{\"format\":4,\"name\":\"A\",\"fullName\":\"A\",\"title\":\"A\",\"fingerprint\":\"f\",\"runbookFileName\":\"a.md\",\"steps\":[{\"name\":\"S\",\"title\":\"S\",\"fingerprint\":\"f\",\"checks\":[1]}]}", "'checks' holds something other than a string")]
    public void Malformed_data_is_an_error_naming_the_checklist(string json, string detail)
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => DefinitionData.Read(json, "", null, null, NoMachine, "Ops.Deploy"));
        StringAssert.StartsWith(e.Message, "The generated plan of Ops.Deploy cannot be read: ");
        StringAssert.Contains(e.Message, detail);
    }

    [TestMethod]
    public void An_automated_step_without_automation_is_an_error()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => DefinitionData.Read(Plan, "", null, null, NoMachine, "Ops.Deploy"));
        StringAssert.Contains(e.Message, "'Change' is automated but no automation was given");
    }

    [TestMethod]
    public void Load_without_generated_data_says_what_is_missing()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => DefinitionData.Load(typeof(DefinitionDataTests), NoMachine));
        StringAssert.Contains(e.Message, "has no generated [ChecklistData]");
        var table = DefinitionData.LoadMachineTable(typeof(DefinitionDataTests), typeof(ChecklistTrigger));
        Assert.ThrowsExactly<InvalidOperationException>(() => table.Transitions, "the table is read when its transitions are first used");
    }

    [TestMethod]
    public void LoadMachineTable_reads_the_table_in_the_data_over_the_states_enum()
    {
        var table = DefinitionData.LoadMachineTable(typeof(NotCreatable), typeof(NotCreatable.Step));

        Assert.AreEqual(1, table.Transitions.Count);
        Assert.AreEqual((0, ChecklistTrigger.Start, 1), (table.Transitions[0].Source, table.Transitions[0].Trigger, table.Transitions[0].Destination));
    }

    [TestMethod]
    public void Load_reads_the_runbook_from_the_data()
    {
        Assert.AreEqual("# N", DefinitionData.Load(typeof(NotCreatable), NoMachine).Markdown);
        Assert.AreEqual("# A", DefinitionData.Load(typeof(Automated), NoMachine).Markdown);
    }

    [TestMethod]
    public void Load_draws_the_runbooks_diagram_from_the_machine_table_and_the_plans_titles_in_place_of_the_placeholder()
    {
        var markdown = DefinitionData.Load(typeof(Drawn), NoMachine).Markdown;

        Assert.AreEqual("""
            # D

            ```mermaid
            stateDiagram-v2
                [*] --> NotStarted
                NotStarted --> Back : Start
                Back --> Gate : Complete
                Gate --> Purge : Approve [all checks ticked and approval recorded]
                Gate --> Aborted : Reject
                Purge --> Done : Complete
                Purge --> Done : Skip
                Purge --> Restore : Fail
                Done --> Completed : Complete [all checks ticked]
                Done --> Restore : Fail [Purge completed]
                Done --> Aborted : Fail [Purge not completed]
                Restore --> RolledBack : Complete
                note left of Aborted
                    Abort from any step or rollback
                    Fail from any step or rollback without a Fail edge drawn
                end note
                Back : 1. Back up
                Gate : 2. Gate #60;QA#62;
                Purge : 3. Purge #34;old#34; rows #128465;
                Done : 4. Done
                Restore : R1. Restore #38; check
                classDef conditional stroke-dasharray: 5 5
                class Purge conditional
            ```


            """.ReplaceLineEndings("\n"), markdown);
    }

    [TestMethod]
    public void A_table_the_diagram_cannot_be_drawn_from_fails_when_the_runbook_is_read_not_when_the_class_loads()
    {
        var definition = DefinitionData.Load(typeof(Undrawable), NoMachine);

        Assert.AreEqual("U", definition.Title);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => definition.Markdown);
        StringAssert.Contains(error.Message, "The runbook diagram of");
        StringAssert.Contains(error.Message, "'X9' is not a guard");
    }

    [TestMethod]
    public async Task Load_calls_the_methods_and_the_constructor_the_plan_names_on_the_class()
    {
        var definition = DefinitionData.Load(typeof(Automated), NoMachine);

        Assert.IsNotNull(definition.CreateInstance);
        var instance = (Automated)definition.CreateInstance(new Dictionary<string, string> { ["Site"] = "https://example.test", ["Token"] = "not settable" });
        Assert.AreEqual("https://example.test", instance.Site, "a settable input is set through its private setter");
        Assert.AreEqual("default token", instance.Token, "an input the plan does not mark settable keeps its default");
        Assert.AreEqual("default release", ((Automated)definition.CreateInstance(new Dictionary<string, string>())).Release, "an input not given keeps its default");

        await definition.Steps[0].Automation!(instance, null!);
        await definition.Steps[1].Automation!(instance, null!);
        await definition.Rollbacks[0].Automation!(instance, null!);
        Assert.IsNull(definition.Steps[2].Automation, "a step the plan does not mark automated");
        CollectionAssert.AreEqual(new[] { "sync on https://example.test", "async" }, instance.Calls);
        Assert.AreEqual(1, Automated.StaticUndos, "the static rollback ran once");
    }

    [TestMethod]
    public void An_automated_method_throws_its_own_exception_not_a_reflection_wrapper()
    {
        var definition = DefinitionData.Load(typeof(Automated), NoMachine);
        var instance = definition.CreateInstance!(new Dictionary<string, string>());

        var e = Assert.ThrowsExactly<InvalidOperationException>(() => definition.Rollbacks[1].Automation!(instance, null!));
        Assert.AreEqual("boom", e.Message);
        Assert.ThrowsExactly<ArgumentException>(() => definition.Steps[0].Automation!(new object(), null!), "an instance of another class");
        var rejected = Assert.ThrowsExactly<ArgumentException>(() => definition.CreateInstance(new Dictionary<string, string> { ["Site"] = "reject" }));
        Assert.AreEqual("rejected site", rejected.Message, "a setter's own exception");
    }

    [TestMethod]
    public void A_plan_naming_a_method_the_class_lacks_is_an_error_naming_both()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => DefinitionData.Load(typeof(MissingMethod), NoMachine));
        StringAssert.Contains(e.Message, "MissingMethod has no automated method Gone(StepContext)");
    }

    [TestMethod]
    public void A_class_the_plan_does_not_mark_creatable_has_no_CreateInstance()
    {
        Assert.IsNull(DefinitionData.Load(typeof(NotCreatable), NoMachine).CreateInstance);
    }

    [ChecklistData(plan: AutomatedPlan, runbook: "# A", machine: "")]
    private sealed class Automated
    {
        private const string AutomatedPlan = """
            {"format":4,"name":"Automated","fullName":"Automated","title":"A","fingerprint":"f","runbookFileName":"a.md","canCreateInstance":true,
             "inputs":[{"name":"Site","description":"URL","environmentVariable":"SITE","settable":true},{"name":"Token","description":"T","environmentVariable":"TOKEN"},
                       {"name":"Release","description":"R","environmentVariable":"RELEASE","settable":true}],
             "steps":[{"name":"Apply","title":"Apply","fingerprint":"f","automated":true},{"name":"Warm","title":"Warm","fingerprint":"f","automated":true},
                      {"name":"Check","title":"Check","fingerprint":"f"}],
             "rollbacks":[{"name":"Undo","title":"Undo","automated":true},{"name":"Explode","title":"Explode","automated":true}]}
            """;

        private Automated()
        {
        }

        private string _site = "default site";

        public string Site
        {
            get => _site;
            private set => _site = value == "reject" ? throw new ArgumentException("rejected site") : value;
        }
        public string Token { get; set; } = "default token";
        public string Release { get; init; } = "default release";
        public List<string> Calls { get; } = [];

        private void Apply(StepContext context) => Calls.Add("sync on " + Site);
        private void Apply() => throw new NotSupportedException("the overload without a context is not the step");
        public Task Warm(StepContext context)
        {
            Calls.Add("async");
            return Task.CompletedTask;
        }
        public static int StaticUndos { get; private set; }
        private void Explode(StepContext context) => throw new InvalidOperationException("boom");
        private static void Undo(StepContext context) => StaticUndos++;
    }

    [ChecklistData(
        plan: """
            {"format":4,"name":"MissingMethod","fullName":"MissingMethod","title":"M","fingerprint":"f","runbookFileName":"m.md",
             "steps":[{"name":"Gone","title":"Gone","fingerprint":"f","automated":true}]}
            """,
        runbook: "# M",
        machine: "")]
    private sealed class MissingMethod
    {
    }

    private const string Placeholder = "```mermaid\n%% The diagram is drawn here from the machine table when the runbook is read.\n```\n";

    [ChecklistData(
        plan: """
            {"format":4,"name":"Drawn","fullName":"Drawn","title":"D","fingerprint":"f","runbookFileName":"d.md",
             "inputs":[{"name":"Purge","description":"P","environmentVariable":"PURGE","isBool":true}],
             "steps":[{"name":"Back","title":"Back up","fingerprint":"f"},{"name":"Gate","title":"Gate <QA>","fingerprint":"f"},
                      {"name":"Purge","title":"Purge \"old\" rows \ud83d\uddd1","fingerprint":"f","optional":true,"when":{"input":"Purge"},"rollbackName":"Restore","rollbackState":"Restore"},
                      {"name":"Done","title":"Done","fingerprint":"f"}],
             "rollbacks":[{"name":"Restore","title":"Restore & check"}]}
            """,
        runbook: "# D\n\n" + Placeholder + "\n",
        machine: """
            NotStarted: Start Back
            Back: Complete Gate; Fail Aborted; Abort Aborted
            Gate: Approve Purge T1 A1; Reject Aborted; Fail Aborted; Abort Aborted
            Purge: Complete Done; Skip Done; Fail Restore; Abort Aborted
            Done: Complete Completed T3; Fail Restore C2; Fail Aborted N2; Abort Aborted
            Restore: Complete RolledBack; Fail Aborted; Abort Aborted
            """)]
    private static class Drawn
    {
    }

    [ChecklistData(
        plan: """{"format":4,"name":"U","fullName":"U","title":"U","fingerprint":"f","runbookFileName":"u.md","steps":[{"name":"A","title":"A","fingerprint":"f"}]}""",
        runbook: "# U\n\n" + Placeholder,
        machine: "NotStarted: Start A\nA: Complete Completed X9")]
    private static class Undrawable
    {
    }

    [ChecklistData(
        plan: """{"format":4,"name":"N","fullName":"N","title":"N","fingerprint":"f","runbookFileName":"n.md"}""",
        runbook: "# N",
        machine: "NotStarted: Start Completed")]
    private static class NotCreatable
    {
        public enum Step { NotStarted, Completed }
    }
}
