namespace ChecklistDsl;

/// <summary>
/// A shell command of a step or rollback procedure, run by the runner after confirmation.
/// <c>{Name}</c> refers to an <see cref="InputAttribute"/> or <see cref="SecretAttribute"/> property;
/// a secret reaches the command only through its environment, never in the command line.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
public sealed class CommandAttribute : Attribute
{
    /// <summary>Adds a command.</summary>
    /// <param name="line">The command line, with <c>{Name}</c> placeholders.</param>
    public CommandAttribute(string line) => Line = line;

    /// <summary>The command line, with <c>{Name}</c> placeholders.</summary>
    public string Line { get; }
}
