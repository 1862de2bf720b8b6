namespace ChecklistDsl;

/// <summary>A <c>[WaitUntil]</c>: a command polled until it succeeds, or the step fails when the timeout passes.</summary>
public sealed class WaitDefinition
{
    /// <summary>The poll interval when <c>Every</c> is not set.</summary>
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromSeconds(10);

    /// <summary>The timeout when <c>Timeout</c> is not set.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The command line, with <c>{Name}</c> placeholders.</summary>
    public required string Command { get; init; }

    /// <summary>The time between polls.</summary>
    public TimeSpan Every { get; init; } = DefaultEvery;

    /// <summary>How long to wait at most.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
