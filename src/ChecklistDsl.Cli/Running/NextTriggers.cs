namespace ChecklistDsl.Cli.Running;

/// <summary>
/// What can happen next in a run, in words, from the triggers the live Stateless machine permits in
/// its state and the descriptions of their unmet guards (<see cref="ChecklistMachine.NextTriggers"/>).
/// </summary>
internal static class NextTriggers
{
    /// <summary><c>Approve (waiting for: approval recorded), Reject, Fail, Abort</c>; empty when the run has ended.</summary>
    public static string Describe(ChecklistMachine machine)
    {
        var parts = new List<string>();
        foreach (var next in machine.NextTriggers)
            parts.Add(next.CanFire ? next.Trigger.ToString() : $"{next.Trigger} (waiting for: {string.Join(", ", next.UnmetGuards)})");
        return string.Join(", ", parts);
    }
}
