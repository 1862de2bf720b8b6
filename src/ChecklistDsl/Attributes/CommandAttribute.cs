namespace ChecklistDsl;

/// <summary>
/// A shell command of a step or rollback procedure, run by the runner after confirmation.
/// <c>{Name}</c> refers to an <see cref="InputAttribute"/> or <see cref="SecretAttribute"/> property;
/// a secret reaches the command only through its environment, never in the command line. Any failing
/// part of a pipeline fails the command.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
public sealed class CommandAttribute : Attribute
{
    /// <summary>Adds a command.</summary>
    /// <param name="line">The command line, with <c>{Name}</c> placeholders.</param>
    public CommandAttribute(string line) => Line = line;

    /// <summary>The command line, with <c>{Name}</c> placeholders.</summary>
    public string Line { get; }

    /// <summary>
    /// How many more times to run the command after it fails, before the step fails (0: none). The
    /// delay between attempts starts at <see cref="RetryDelay"/> and doubles each time, up to
    /// <see cref="CommandRetry.MaxDelay"/>.
    /// </summary>
    public int Retries { get; set; }

    /// <summary>The delay before the first retry, as <see cref="TimeSpan"/> text; 5 seconds when not set.</summary>
    public string? RetryDelay { get; set; }
}
