using Spectre.Console;

namespace ChecklistDsl.Cli.Running;

// Commands with retries ([Command(..., Retries = 3, RetryDelay = "00:00:05")]): every attempt is a
// command-started / command-finished pair with its number, and the count of failed attempts comes
// from the journal (RunState), so a resumed run continues it instead of starting over.
internal sealed partial class ChecklistRunner
{
    /// <summary>A command's attempts: how many have failed so far and how many it may have.</summary>
    private readonly record struct Attempts(CommandRetry Retry, int Made)
    {
        /// <summary>1 and its retries.</summary>
        public int Max => 1 + Retry.Retries;

        /// <summary>The number of the attempt about to be made (or just made, before the journal counted it).</summary>
        public int Number => Made + 1;

        /// <summary>Every attempt was made and failed.</summary>
        public bool Exhausted => Made >= Max;

        /// <summary>The attempt <see cref="Number"/> is the last one allowed.</summary>
        public bool IsLast => Number >= Max;

        /// <summary>For the journal: the attempt's number, only for a command that has retries.</summary>
        public int? RecordedNumber => Max > 1 ? Number : null;

        /// <summary>For the journal: how many attempts the command may have, only when it has retries.</summary>
        public int? RecordedMax => Max > 1 ? Max : null;

        /// <summary>" (attempt 2 of 4)" for a command with retries; nothing otherwise.</summary>
        public string Label(int attempt) => Max > 1 ? $" (attempt {attempt} of {Max})" : "";
    }

    /// <summary>
    /// Before the next attempt of a command that failed <paramref name="failed"/>.Count times: waits what is
    /// left of the retry delay (<see cref="CommandRetry.DelayBefore"/>, counted from the end of the last
    /// failed attempt, which may be in an earlier process). Ctrl-C ends the wait like a command: the run pauses.
    /// </summary>
    private async Task PauseBeforeRetryAsync(CommandRetry retry, (int Count, DateTimeOffset LastAt) failed, CancellationToken ct)
    {
        if (failed.Count == 0 || failed.Count > retry.Retries)
            return;
        var delay = retry.DelayBefore(failed.Count);
        var left = failed.LastAt + delay - DateTimeOffset.UtcNow;
        if (left > delay)
            left = delay; // a clock set back since
        if (left <= TimeSpan.Zero)
            return;
        _console.MarkupLine($"  [grey]↻ retrying in {Markup.Escape(Durations.Text(left))}[/]");
        await Task.Delay(left, ct);
    }
}
