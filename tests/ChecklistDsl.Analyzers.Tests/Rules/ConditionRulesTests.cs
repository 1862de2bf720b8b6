using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

/// <summary>CHK012-CHK014 on [When], and what conditions mean for CHK001, CHK002 and CHK011.</summary>
[TestClass]
public sealed class ConditionRulesTests
{
    [TestMethod]
    public async Task CHK012_a_condition_naming_no_input_or_a_secret()
    {
        var diagnostics = await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Input("The site uses a CDN")] public bool UsesCdn { get; init; }
                [Secret] public string ApiToken { get; init; } = "";
                public bool NotAnInput { get; init; }

                [Step("Purge the CDN"), {|CHK012:When("UsesCnd")|}] void PurgeCdn() { }
                [Step("Call the API"), {|CHK012:When(nameof(ApiToken), "x")|}] void CallApi() { }
                [Step("Warm"), {|CHK012:When(nameof(NotAnInput))|}] void Warm() { }
                [Step("Check"), When(nameof(UsesCdn))] void Check() { }
            }
            """);
        Assert.AreEqual("[When(\"UsesCnd\")] on 'Purge the CDN' names no [Input] property of the checklist; name one with nameof(...)", diagnostics[0].GetMessage());
        StringAssert.Contains(diagnostics[1].GetMessage(), "(it names a [Secret], which cannot decide the plan)");
    }

    [TestMethod]
    public async Task CHK013_a_condition_without_a_value_on_an_input_that_is_not_bool()
    {
        var diagnostics = await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Input("Cache backend")] public string CacheBackend { get; init; } = "";
                [Input] public bool UsesCdn { get; init; }

                [Step("Flush Redis"), {|CHK013:When(nameof(CacheBackend))|}] void FlushRedis() { }
                [Step("Flush it"), When(nameof(CacheBackend), "redis")] void FlushIt() { }
                [Step("Purge"), When(nameof(UsesCdn))] void Purge() { }
            }
            """);
        Assert.AreEqual(
            "[When(nameof(CacheBackend))] on 'Flush Redis' has no value, but CacheBackend is not a bool input; write [When(nameof(CacheBackend), \"value\")], or make CacheBackend a bool",
            diagnostics[0].GetMessage());
    }

    [TestMethod]
    public async Task CHK014_a_condition_that_can_never_hold()
    {
        var diagnostics = await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Input] public bool UsesCdn { get; init; }
                [Input] public string Region { get; init; } = "";

                [Step("Purge"), {|CHK014:When(nameof(UsesCdn), "enabled")|}] void Purge() { }
                [Step("Move"), {|CHK014:When(nameof(Region), "  ")|}] void Move() { }
                [Step("Skip the CDN"), When(nameof(UsesCdn), "no")] void SkipCdn() { }
                [Step("Go east"), When(nameof(Region), "east")] void GoEast() { }
            }
            """);
        StringAssert.Contains(diagnostics[0].GetMessage(), "can never hold: UsesCdn is a bool, and \"enabled\" is not true, false, yes or no");
        StringAssert.Contains(diagnostics[1].GetMessage(), "can never hold: no input is blank");
    }

    [TestMethod]
    public async Task A_condition_on_a_rollback_is_checked_too()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step("Change"), Modifies("config"), RollbackWith(nameof(Undo))] void Change() { }
                [Step, Verifies("config")] void Check() { }
                [Rollback, {|CHK012:When("Nothing")|}] void Undo() { }
            }
            """);
    }

    [TestMethod]
    public async Task CHK001_a_conditional_backup_does_not_protect_an_unconditional_destroy()
    {
        var diagnostics = await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Sync
            {
                [Input] public bool FullSync { get; init; }

                [Step("Back up staging"), Backup("staging db"), When(nameof(FullSync))] void BackUp() { }
                [Step("Drop staging"), {|CHK001:Destroys("staging db")|}] void Drop() { }
                [Step("Check"), Verifies("staging")] void Check() { }
            }
            """);
        Assert.AreEqual(
            "Step 'Drop staging' destroys 'staging db' but no earlier step backs it up on every run in which it runs: step 'Back up staging' backs it up only when FullSync is true; add a [Backup(\"staging db\")] step before it",
            diagnostics[0].GetMessage());
    }

    [TestMethod]
    public async Task CHK001_a_backup_under_the_same_condition_protects_a_conditional_destroy()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Sync
            {
                [Input] public bool FullSync { get; init; }

                [Step("Back up staging"), Backup("staging db"), When(nameof(FullSync))] void BackUp() { }
                [Step("Drop staging"), Destroys("staging db"), When(nameof(FullSync), "yes")] void Drop() { }
                [Step("Drop again"), Destroys("staging db"), When(nameof(FullSync))] void DropAgain() { }
                [Step("Check"), Verifies("staging")] void Check() { }
            }
            """.Replace("When(nameof(FullSync), \"yes\")", "When(nameof(FullSync))"));
    }

    [TestMethod]
    public async Task CHK002_a_conditional_rollback_does_not_cover_an_unconditional_change()
    {
        var diagnostics = await Verify.AnalyzerAsync("""
            [Checklist(Environment = "production")]
            public partial class Deploy
            {
                [Input] public bool UsesCdn { get; init; }

                [Step, Approval("Lead")] void Approve() { }
                [Step("Change the CDN"), Modifies("cdn"), RollbackWith(nameof(RestoreCdn))] void {|CHK002:ChangeCdn|}() { }
                [Step("Change it when used"), Modifies("cdn"), RollbackWith(nameof(RestoreCdn)), When(nameof(UsesCdn))] void ChangeWhenUsed() { }
                [Step, Verifies("cdn")] void Check() { }
                [Rollback("Restore the CDN"), When(nameof(UsesCdn))] void RestoreCdn() { }
            }
            """);
        StringAssert.Contains(diagnostics[0].GetMessage(),
            "has no rollback on every run in which it runs: rollback 'Restore the CDN' applies only when UsesCdn is true");
    }

    [TestMethod]
    public async Task CHK011_malformed_retries_and_waits_are_reported_as_what_the_generator_skips()
    {
        var diagnostics = await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, {|CHK011:Command("deploy", Retries = -1)|}] void Deploy1() { }
                [Step, {|CHK011:Command("deploy", Retries = 2, RetryDelay = "soon")|}] void Deploy2() { }
                [Step, {|CHK011:WaitUntil("curl -fsS localhost", Every = "often")|}] void Wait1() { }
                [Step, Command("deploy", Retries = 3, RetryDelay = "00:00:05"), WaitUntil("curl -fsS localhost", Every = "00:00:10", Timeout = "00:05:00")] void Fine() { }
            }
            """);
        StringAssert.Contains(diagnostics[0].GetMessage(), "negative Retries");
        StringAssert.Contains(diagnostics[1].GetMessage(), "the RetryDelay \"soon\", which is not a positive time span");
        StringAssert.Contains(diagnostics[2].GetMessage(), "the Every \"often\", which is not a positive time span");
    }
}
