namespace ChecklistDsl;

/// <summary>
/// After the step's own work, the runner polls a shell command until it succeeds (exit code 0), or
/// fails the step when <see cref="Timeout"/> passes: "monitor until healthy".
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class WaitUntilAttribute : Attribute
{
    /// <summary>Polls <paramref name="command"/> until it succeeds.</summary>
    /// <param name="command">The command line, with <c>{Name}</c> placeholders as in <see cref="CommandAttribute"/>.</param>
    public WaitUntilAttribute(string command) => Command = command;

    /// <summary>The command line.</summary>
    public string Command { get; }

    /// <summary>The time between polls, as <see cref="TimeSpan"/> text; 10 seconds when not set.</summary>
    public string? Every { get; set; }

    /// <summary>How long to wait at most, as <see cref="TimeSpan"/> text; 5 minutes when not set.</summary>
    public string? Timeout { get; set; }
}
