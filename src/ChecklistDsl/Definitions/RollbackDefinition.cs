namespace ChecklistDsl;

/// <summary>A rollback procedure.</summary>
public sealed class RollbackDefinition
{
    /// <summary>The method name.</summary>
    public required string Name { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>What to do.</summary>
    public string? Instructions { get; init; }

    /// <summary>Shell commands, with <c>{Name}</c> placeholders.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>How each of <see cref="Commands"/> is retried, by index (<see cref="CommandRetry.None"/> when it is not).</summary>
    public IReadOnlyList<CommandRetry> CommandRetries { get; init; } = [];

    /// <summary>
    /// When the procedure applies (<c>[When]</c> on the rollback method), or <see langword="null"/>:
    /// always. The runner skips it, and records why, when the run's inputs do not satisfy it.
    /// </summary>
    public StepCondition? Condition { get; init; }

    /// <summary>The procedure's C# automation, when its method takes a <see cref="StepContext"/>.</summary>
    public Func<object, StepContext, Task>? Automation { get; init; }

    /// <inheritdoc />
    public override string ToString() => Title;
}
