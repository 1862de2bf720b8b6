using ChecklistDsl;

namespace SampleChecklists;

/// <summary>
/// Conditional steps: a gate first (so a run pauses there and can be resumed with other inputs), a
/// step only for sites with a CDN (a bool input), one only for a Redis cache (a value), a last step
/// that records the CDN input as the command line got it.
/// </summary>
[Checklist("Conditional steps", Summary = "A gate, a step for sites with a CDN, one for a Redis cache, a last step.")]
public partial class ConditionalSteps
{
    [Input("Folder for the markers")] public string WorkDir { get; set; } = "";
    [Input("The site uses a CDN")] public bool UsesCdn { get; set; }
    [Input("Cache backend")] public string CacheBackend { get; set; } = "";

    [Step("Confirm the window")]
    [Approval("Release manager")]
    void ConfirmWindow() { }

    [Step("Purge the CDN")]
    [When(nameof(UsesCdn))]
    [Command("echo cdn >> {WorkDir}/log")]
    void PurgeCdn() { }

    [Step("Flush Redis")]
    [When(nameof(CacheBackend), "redis")]
    [Command("echo redis >> {WorkDir}/log")]
    void FlushRedis() { }

    [Step("Last")]
    [Command("echo last-{UsesCdn} >> {WorkDir}/log")]
    void Last() { }
}

/// <summary>
/// Retries: "Flaky" fails its first two attempts and succeeds on the third (WorkDir/flaky counts);
/// "Broken" fails every attempt until WorkDir/fixed exists. Delays of milliseconds.
/// </summary>
[Checklist("Retried commands", Summary = "A command that succeeds on its third attempt, one that fails until it is fixed, a last step.")]
public partial class RetriedCommands
{
    [Input("Folder for the markers")] public string WorkDir { get; set; } = "";

    [Step("Flaky")]
    [Command("n=$(cat {WorkDir}/flaky 2>/dev/null || echo 0); n=$((n+1)); echo $n > {WorkDir}/flaky; echo flaky-$n >> {WorkDir}/log; test $n -ge 3",
        Retries = 3, RetryDelay = "00:00:00.050")]
    void Flaky() { }

    [Step("Broken")]
    [Command("echo broken >> {WorkDir}/log; test -e {WorkDir}/fixed", Retries = 2, RetryDelay = "00:00:00.050")]
    void Broken() { }

    [Step("Last")]
    [Command("echo last >> {WorkDir}/log")]
    void Last() { }
}

/// <summary>A retry whose delay is long enough to interrupt (Ctrl-C) while it waits; it succeeds once WorkDir/fixed exists.</summary>
[Checklist("Slow retry", Summary = "One command retried once, three seconds later.")]
public partial class SlowRetry
{
    [Input("Folder for the markers")] public string WorkDir { get; set; } = "";

    [Step("Until fixed")]
    [Command("echo try >> {WorkDir}/log; test -e {WorkDir}/fixed", Retries = 1, RetryDelay = "00:00:03")]
    void UntilFixed() { }
}

/// <summary>
/// A wait after a deploy: each poll counts itself in WorkDir/polls, prints the secret (redacted on
/// the way) and succeeds once the count reaches the number in WorkDir/healthy-after, and only when
/// the secret reached it through its environment. No such file: it never succeeds (times out in 2 s).
/// </summary>
[Checklist("Waits for health", Summary = "Deploy, wait until healthy, a last step.")]
public partial class WaitsForHealth
{
    [Input("Folder for the markers")] public string WorkDir { get; set; } = "";
    [Secret("Token of the health endpoint")] public string ApiToken { get; init; } = "";

    [Step("Deploy")]
    [Command("echo deploy >> {WorkDir}/log")]
    [WaitUntil("n=$(cat {WorkDir}/polls 2>/dev/null || echo 0); n=$((n+1)); echo $n > {WorkDir}/polls; echo poll-$n with {ApiToken}; test -n {ApiToken} && test $n -ge $(cat {WorkDir}/healthy-after 2>/dev/null || echo 1000000)",
        Every = "00:00:00.100", Timeout = "00:00:02")]
    void Deploy() { }

    [Step("Last")]
    [Command("echo last >> {WorkDir}/log")]
    void Last() { }
}

/// <summary>A wait long enough to interrupt: it succeeds once WorkDir/healthy exists.</summary>
[Checklist("Long wait", Summary = "Wait for a file for up to five minutes, a last step.")]
public partial class LongWait
{
    [Input("Folder for the markers")] public string WorkDir { get; set; } = "";

    [Step("Wait for the file")]
    [WaitUntil("test -e {WorkDir}/healthy", Every = "00:00:00.100", Timeout = "00:05:00")]
    void WaitForTheFile() { }

    [Step("Last")]
    [Command("echo last >> {WorkDir}/log")]
    void Last() { }
}

/// <summary>
/// A rollback procedure that applies only to sites with a CDN: the change always happens, and a failed
/// verification (WorkDir/fail) rolls it back with the procedure, or passes over it without a CDN.
/// </summary>
[Checklist("Conditional rollback", Summary = "A change, a verification that fails on demand, a rollback only for sites with a CDN.")]
public partial class ConditionalRollback
{
    [Input("Folder for the markers")] public string WorkDir { get; set; } = "";
    [Input("The site uses a CDN")] public bool UsesCdn { get; set; }

    [Step("Change the site"), Modifies("site"), RollbackWith(nameof(RestoreCdnRules))]
    [Command("echo change >> {WorkDir}/log")]
    void ChangeTheSite() { }

    [Step("Verify"), Verifies("site")]
    [Command("echo verify >> {WorkDir}/log; test ! -e {WorkDir}/fail")]
    void Verify() { }

    [Rollback("Restore the CDN rules")]
    [When(nameof(UsesCdn))]
    [Command("echo restore-cdn >> {WorkDir}/log")]
    void RestoreCdnRules() { }
}
