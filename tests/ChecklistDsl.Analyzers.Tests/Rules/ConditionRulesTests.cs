using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

/// <summary>CHK012-CHK014 on [When], and what conditions mean for CHK001, CHK002 and CHK011.</summary>
[TestClass]
public sealed class ConditionRulesTests
{
    [TestMethod]
    public async Task CHK012_a_condition_naming_no_input_or_a_secret()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Input("The site uses a CDN")] public bool UsesCdn { get; init; }
                [Secret] public string ApiToken { get; init; } = "";
                public bool NotAnInput { get; init; }

                [Step("Purge the CDN"), {|#0:When("UsesCnd")|}] void PurgeCdn() { }
                [Step("Call the API"), {|#1:When(nameof(ApiToken), "x")|}] void CallApi() { }
                [Step("Warm"), {|CHK012:When(nameof(NotAnInput))|}] void Warm() { }
                [Step("Check"), When(nameof(UsesCdn))] void Check() { }
            }
            """,
            Verify.Diagnostic("CHK012", 0).WithMessage("[When(\"UsesCnd\")] on 'Purge the CDN' names no [Input] property of the checklist; name one with nameof(...)"),
            Verify.Diagnostic("CHK012", 1).WithMessage("[When(\"ApiToken\")] on 'Call the API' names no [Input] property of the checklist (it names a [Secret], which cannot decide the plan); name one with nameof(...)"));
    }

    [TestMethod]
    public async Task CHK013_a_condition_without_a_value_on_an_input_that_is_not_bool()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Input("Cache backend")] public string CacheBackend { get; init; } = "";
                [Input] public bool UsesCdn { get; init; }

                [Step("Flush Redis"), {|#0:When(nameof(CacheBackend))|}] void FlushRedis() { }
                [Step("Flush it"), When(nameof(CacheBackend), "redis")] void FlushIt() { }
                [Step("Purge"), When(nameof(UsesCdn))] void Purge() { }
            }
            """,
            Verify.Diagnostic("CHK013", 0).WithMessage("[When(nameof(CacheBackend))] on 'Flush Redis' has no value, but CacheBackend is not a bool input; write [When(nameof(CacheBackend), \"value\")], or make CacheBackend a bool"));
    }

    [TestMethod]
    public async Task CHK014_a_condition_that_can_never_hold()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Input] public bool UsesCdn { get; init; }
                [Input] public string Region { get; init; } = "";

                [Step("Purge"), {|#0:When(nameof(UsesCdn), "enabled")|}] void Purge() { }
                [Step("Move"), {|#1:When(nameof(Region), "  ")|}] void Move() { }
                [Step("Skip the CDN"), When(nameof(UsesCdn), "no")] void SkipCdn() { }
                [Step("Go east"), When(nameof(Region), "east")] void GoEast() { }
            }
            """,
            Verify.Diagnostic("CHK014", 0).WithMessage("[When(nameof(UsesCdn), \"enabled\")] on 'Purge' can never hold: UsesCdn is a bool, and \"enabled\" is not true, false, yes or no; write [When(nameof(UsesCdn))] for true, or the value \"false\""),
            Verify.Diagnostic("CHK014", 1).WithMessage("[When(nameof(Region), \"  \")] on 'Move' can never hold: no input is blank; give the value it must equal"));
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
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Sync
            {
                [Input] public bool FullSync { get; init; }

                [Step("Back up staging"), Backup("staging db"), When(nameof(FullSync))] void BackUp() { }
                [Step("Drop staging"), {|#0:Destroys("staging db")|}] void Drop() { }
                [Step("Check"), Verifies("staging")] void Check() { }
            }
            """,
            Verify.Diagnostic("CHK001", 0).WithMessage("Step 'Drop staging' destroys 'staging db' but no earlier step backs it up on every run in which it runs: step 'Back up staging' backs it up only when FullSync is true; add a [Backup(\"staging db\")] step before it"));
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
        await Verify.AnalyzerAsync("""
            [Checklist(Environment = "production")]
            public partial class Deploy
            {
                [Input] public bool UsesCdn { get; init; }

                [Step, Approval("Lead")] void Approve() { }
                [Step("Change the CDN"), Modifies("cdn"), RollbackWith(nameof(RestoreCdn))] void {|#0:ChangeCdn|}() { }
                [Step("Change it when used"), Modifies("cdn"), RollbackWith(nameof(RestoreCdn)), When(nameof(UsesCdn))] void ChangeWhenUsed() { }
                [Step, Verifies("cdn")] void Check() { }
                [Rollback("Restore the CDN"), When(nameof(UsesCdn))] void RestoreCdn() { }
            }
            """,
            Verify.Diagnostic("CHK002", 0).WithMessage("Step 'Change the CDN' changes 'cdn' in a production checklist but has no rollback on every run in which it runs: rollback 'Restore the CDN' applies only when UsesCdn is true; add [RollbackWith(nameof(...))] naming a [Rollback] method, or [NoRollback(\"why\")] with a real reason"));
    }

    [TestMethod]
    public async Task CHK011_malformed_retries_and_waits_are_reported_as_what_the_generator_skips()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, {|#0:Command("deploy", Retries = -1)|}] void Deploy1() { }
                [Step, {|#1:Command("deploy", Retries = 2, RetryDelay = "soon")|}] void Deploy2() { }
                [Step, {|#2:WaitUntil("curl -fsS localhost", Every = "often")|}] void Wait1() { }
                [Step, Command("deploy", Retries = 3, RetryDelay = "00:00:05"), WaitUntil("curl -fsS localhost", Every = "00:00:10", Timeout = "00:05:00")] void Fine() { }
            }
            """,
            Verify.Diagnostic("CHK011", 0).WithMessage("Checklist 'Deploy' gives a command of 'Deploy 1' a negative Retries; write the number of attempts after the first, 0 or more"),
            Verify.Diagnostic("CHK011", 1).WithMessage("Checklist 'Deploy' gives 'Deploy 2' the RetryDelay \"soon\", which is not a positive time span; write it as [d.]hh:mm:ss, for example RetryDelay = \"00:00:05\" for five seconds"),
            Verify.Diagnostic("CHK011", 2).WithMessage("Checklist 'Deploy' gives 'Wait 1' the Every \"often\", which is not a positive time span; write it as [d.]hh:mm:ss, for example Every = \"00:00:10\" for ten seconds"));
    }
}
