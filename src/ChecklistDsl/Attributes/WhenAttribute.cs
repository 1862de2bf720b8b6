namespace ChecklistDsl;

/// <summary>
/// The step applies only when a <c>bool</c> <see cref="InputAttribute"/> is true
/// (<c>[When(nameof(UsesCdn))]</c>), or when an input equals a value
/// (<c>[When(nameof(CacheBackend), "redis")]</c>). Otherwise the runner skips it and records why.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class WhenAttribute : Attribute
{
    /// <summary>The step applies when the <c>bool</c> input is true.</summary>
    /// <param name="input">The input property's name (use <c>nameof</c>).</param>
    public WhenAttribute(string input) => Input = input;

    /// <summary>The step applies when the input equals <paramref name="value"/> (ordinal, case-insensitive).</summary>
    /// <param name="input">The input property's name (use <c>nameof</c>).</param>
    /// <param name="value">The value the input must have.</param>
    public WhenAttribute(string input, string value)
    {
        Input = input;
        Value = value;
    }

    /// <summary>The input property's name.</summary>
    public string Input { get; }

    /// <summary>The value the input must have; <see langword="null"/> when the input is a <c>bool</c> that must be true.</summary>
    public string? Value { get; }
}
