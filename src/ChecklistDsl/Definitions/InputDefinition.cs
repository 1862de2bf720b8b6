namespace ChecklistDsl;

/// <summary>An input or secret of a checklist.</summary>
public sealed class InputDefinition
{
    /// <summary>The property name; commands refer to it as <c>{Name}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What to enter.</summary>
    public required string Description { get; init; }

    /// <summary>Whether this is a secret: never written anywhere, passed to commands by environment only.</summary>
    public bool IsSecret { get; init; }

    /// <summary>Whether this is a <c>bool</c> input: given as true/false or yes/no (<see cref="InputValues.TryParseBool"/>).</summary>
    public bool IsBool { get; init; }

    /// <summary>
    /// The environment variable that carries the value: read by the runner, and set for commands
    /// (for example <c>API_TOKEN</c> for <c>ApiToken</c>).
    /// </summary>
    public required string EnvironmentVariable { get; init; }
}
