namespace ChecklistDsl;

/// <summary>A run-time value, asked for when the checklist runs; commands refer to it as <c>{Name}</c>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>An input described by its property name.</summary>
    public InputAttribute() { }

    /// <summary>An input with a description.</summary>
    /// <param name="description">What to enter, shown in the runbook and the prompt.</param>
    public InputAttribute(string description) => Description = description;

    /// <summary>What to enter.</summary>
    public string? Description { get; }
}
