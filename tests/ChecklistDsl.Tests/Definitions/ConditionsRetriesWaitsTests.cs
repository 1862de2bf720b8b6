namespace ChecklistDsl.Tests.Definitions;

/// <summary>The run-time side of [When], [WaitUntil] and [Command(Retries = ...)]: reading the plan and the rules the runner applies.</summary>
[TestClass]
public sealed class ConditionsRetriesWaitsTests
{
    private static readonly Func<ChecklistProgress, string, ChecklistMachine> NoMachine = (_, _) => throw new NotSupportedException();

    private const string Plan = """
        {"format":4,"name":"Deploy","fullName":"Ops.Deploy","title":"Deploy","fingerprint":"sha256:00","runbookFileName":"deploy.md",
         "inputs":[{"name":"UsesCdn","description":"The site uses a CDN","isBool":true,"environmentVariable":"USES_CDN"},{"name":"Cache","description":"Cache","environmentVariable":"CACHE"}],
         "steps":[
           {"name":"Purge","title":"Purge the CDN","fingerprint":"sha256:01","commands":["purge","warm"],
            "retries":[{"command":1,"retries":3,"delayTicks":50000000}],"when":{"input":"UsesCdn"}},
           {"name":"Flush","title":"Flush redis","fingerprint":"sha256:02","when":{"input":"Cache","value":"redis"},
            "waitUntil":{"command":"curl -fsS {Site}/health","everyTicks":100000000,"timeoutTicks":3000000000}}
         ],
         "rollbacks":[{"name":"Restore","title":"Restore","commands":["restore"],"retries":[{"command":0,"retries":1,"delayTicks":10000000}]}]}
        """;

    [TestMethod]
    public void The_plan_carries_conditions_waits_retries_and_bool_inputs()
    {
        var definition = DefinitionData.Read(Plan, "# Deploy", null, null, NoMachine);

        Assert.IsTrue(definition.Inputs[0].IsBool);
        Assert.IsFalse(definition.Inputs[1].IsBool);
        var purge = definition.Steps[0];
        Assert.AreEqual("UsesCdn", purge.Condition!.Input);
        Assert.IsNull(purge.Condition.Value);
        Assert.IsNull(purge.Wait);
        Assert.HasCount(2, purge.CommandRetries);
        Assert.AreSame(CommandRetry.None, purge.CommandRetries[0]);
        Assert.AreEqual((3, TimeSpan.FromSeconds(5)), (purge.CommandRetries[1].Retries, purge.CommandRetries[1].Delay));
        var flush = definition.Steps[1];
        Assert.AreEqual("Cache is \"redis\"", flush.Condition!.Describe());
        Assert.AreEqual("curl -fsS {Site}/health", flush.Wait!.Command);
        Assert.AreEqual((TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5)), (flush.Wait.Every, flush.Wait.Timeout));
        Assert.IsEmpty(flush.CommandRetries);
        Assert.AreEqual(1, definition.Rollbacks[0].CommandRetries[0].Retries);
    }

    [TestMethod]
    public void A_retry_that_names_no_command_is_refused()
    {
        var bad = Plan.Replace("\"command\":1,", "\"command\":2,");
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => DefinitionData.Read(bad, "", null, null, NoMachine, "Ops.Deploy"));
        StringAssert.Contains(error.Message, "'retries' names command 2 of 2");
    }

    [TestMethod]
    [DataRow("true", true)]
    [DataRow(" YES ", true)]
    [DataRow("no", false)]
    [DataRow("False", false)]
    [DataRow("1", null)]
    [DataRow("", null)]
    [DataRow("y", null)]
    public void Bool_inputs_read_true_false_yes_and_no(string text, bool? expected)
    {
        var read = InputValues.TryParseBool(text, out var value);
        Assert.AreEqual(expected is not null, read);
        if (expected is { } on)
            Assert.AreEqual(on, value);
    }

    [TestMethod]
    public void A_condition_applies_only_when_its_input_says_so()
    {
        var usesCdn = new StepCondition { Input = "UsesCdn" };
        var redis = new StepCondition { Input = "Cache", Value = "redis" };

        Assert.IsTrue(usesCdn.AppliesTo(new Dictionary<string, string> { ["UsesCdn"] = "yes" }));
        Assert.IsFalse(usesCdn.AppliesTo(new Dictionary<string, string> { ["UsesCdn"] = "false" }));
        Assert.IsFalse(usesCdn.AppliesTo(new Dictionary<string, string> { ["UsesCdn"] = "maybe" }), "an unreadable bool is not true");
        Assert.IsFalse(usesCdn.AppliesTo(new Dictionary<string, string>()), "a missing input is not true");
        Assert.IsTrue(redis.AppliesTo(new Dictionary<string, string> { ["Cache"] = " Redis " }));
        Assert.IsFalse(redis.AppliesTo(new Dictionary<string, string> { ["Cache"] = "memcached" }));
        Assert.AreEqual("UsesCdn is true", usesCdn.Describe());
    }

    [TestMethod]
    public void The_delay_doubles_before_each_retry_up_to_the_cap()
    {
        var retry = new CommandRetry { Retries = 12, Delay = TimeSpan.FromSeconds(5) };

        CollectionAssert.AreEqual(
            new[] { 5.0, 10, 20, 40, 80, 160, 300, 300 },
            Enumerable.Range(1, 8).Select(i => retry.DelayBefore(i).TotalSeconds).ToArray());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => retry.DelayBefore(0));
    }

    private sealed class Toggles
    {
        public bool UsesCdn { get; set; }
        public string Cache { get; set; } = "none";
    }

    [TestMethod]
    public void The_class_gets_its_bool_inputs_from_true_false_yes_or_no()
    {
        var create = ChecklistClass.Creator(typeof(Toggles), ["UsesCdn", "Cache"]);

        var on = (Toggles)create(new Dictionary<string, string> { ["UsesCdn"] = "yes", ["Cache"] = "redis" });
        Assert.IsTrue(on.UsesCdn);
        Assert.AreEqual("redis", on.Cache);
        var error = Assert.ThrowsExactly<ArgumentException>(() => create(new Dictionary<string, string> { ["UsesCdn"] = "perhaps" }));
        StringAssert.Contains(error.Message, "Input UsesCdn is true or false (or yes or no), not 'perhaps'");
    }
}
