namespace ChecklistDsl;

/// <summary>How a command is retried after it fails (<c>[Command(..., Retries = n, RetryDelay = "...")]</c>).</summary>
public sealed class CommandRetry
{
    /// <summary>The delay before the first retry when <c>RetryDelay</c> is not set.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between two attempts, however often it doubled.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    /// <summary>No retries: the first failure fails the step.</summary>
    public static readonly CommandRetry None = new() { Retries = 0, Delay = TimeSpan.Zero };

    /// <summary>How many more attempts after the first (0: none).</summary>
    public required int Retries { get; init; }

    /// <summary>The delay before the first retry.</summary>
    public required TimeSpan Delay { get; init; }

    /// <summary>
    /// The delay before retry <paramref name="retry"/> (1 for the second attempt): <see cref="Delay"/>
    /// doubled for each retry before it, at most <see cref="MaxDelay"/>.
    /// </summary>
    public TimeSpan DelayBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var delay = Delay;
        for (var i = 1; i < retry && delay < MaxDelay; i++)
            delay += delay;
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
