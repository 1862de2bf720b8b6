namespace ChecklistDsl;

/// <summary>When a step applies: a <c>[When]</c>, read against the run's inputs.</summary>
public sealed class StepCondition
{
    /// <summary>The input the step depends on.</summary>
    public required string Input { get; init; }

    /// <summary>The value the input must equal; <see langword="null"/> when the input is a <c>bool</c> that must be true.</summary>
    public string? Value { get; init; }

    /// <summary>
    /// Whether the step applies to a run with these inputs: a <c>bool</c> condition holds when the
    /// input reads as true (<see cref="InputValues.TryParseBool"/>); a value condition when the input
    /// equals the value (as bools when both read as one, so "no" equals "false"; else ordinal,
    /// case-insensitive, trimmed). A missing input does not satisfy either.
    /// </summary>
    public bool AppliesTo(IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!inputs.TryGetValue(Input, out var given))
            return false;
        if (Value is null)
            return InputValues.TryParseBool(given, out var on) && on;
        if (InputValues.TryParseBool(Value, out var wanted) && InputValues.TryParseBool(given, out var actual))
            return wanted == actual;
        return string.Equals(given.Trim(), Value.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The condition as the runbook and the runner say it: <c>UsesCdn is true</c>, <c>CacheBackend is "redis"</c>.</summary>
    public string Describe() => Value is null ? $"{Input} is true" : $"{Input} is \"{Value}\"";

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
