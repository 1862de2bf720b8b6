using ChecklistDsl;

namespace SampleChecklists;

/// <summary>
/// Commands that take time, for the lock, timeout and kill tests: while WorkDir/hold exists the
/// "Hold" step waits; with WorkDir/hang the "Bounded" step outlives its timeout.
/// </summary>
[Checklist("Slow commands", Summary = "A quick step, one that waits for a file to go, one with a timeout, a quick one.")]
public partial class SlowCommands
{
    [Input("Folder for the markers")] public string WorkDir { get; set; } = "";

    [Step("First")]
    [Command("echo first >> {WorkDir}/log")]
    void First() { }

    [Step("Hold")]
    [Command("while test -e {WorkDir}/hold; do sleep 0.1; done; echo hold >> {WorkDir}/log")]
    void Hold() { }

    [Step("Bounded", Timeout = "00:00:01")]
    [Command("if test -e {WorkDir}/hang; then sleep 30; fi; echo bounded >> {WorkDir}/log")]
    void Bounded() { }

    [Step("Last")]
    [Command("echo last >> {WorkDir}/log")]
    void Last() { }
}
