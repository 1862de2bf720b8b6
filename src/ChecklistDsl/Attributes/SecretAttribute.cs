namespace ChecklistDsl;

/// <summary>
/// A secret run-time value. It is never written to a runbook, a journal or a log, and it reaches a
/// command only through the command's environment.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class SecretAttribute : Attribute
{
    /// <summary>A secret described by its property name.</summary>
    public SecretAttribute() { }

    /// <summary>A secret with a description.</summary>
    /// <param name="description">What the secret is, shown in the runbook (never its value).</param>
    public SecretAttribute(string description) => Description = description;

    /// <summary>What the secret is.</summary>
    public string? Description { get; }
}
