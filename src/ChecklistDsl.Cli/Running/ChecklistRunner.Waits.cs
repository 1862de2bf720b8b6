using System.Diagnostics;
using ChecklistDsl.Cli.Journal;
using Spectre.Console;

namespace ChecklistDsl.Cli.Running;

// Waits ([WaitUntil("curl -fsS {SiteUrl}/health", Every = "00:00:10", Timeout = "00:05:00")]): after the
// step's own commands, the command is polled until it exits 0 or the timeout passes.
internal sealed partial class ChecklistRunner
{
    /// <summary>How often the live countdown is redrawn.</summary>
    private static readonly TimeSpan CountdownTick = TimeSpan.FromMilliseconds(250);

    /// <summary>The least time a poll gets, and between polls (an <c>Every</c> of zero must not spin).</summary>
    private static readonly TimeSpan MinimumPoll = TimeSpan.FromSeconds(1), MinimumPause = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Polls the step's wait until a poll succeeds; a wait that times out is a failure like any other
    /// (the failure menu; retry polls again, for a whole new timeout). A wait that succeeded before a
    /// resume is not polled again; one cut short by Ctrl-C or a crash starts again.
    /// </summary>
    private async Task<Next> RunWaitAsync(WaitDefinition wait, IReadOnlyList<FailureAction> choices, CancellationToken ct)
    {
        // Placeholders and secrets exactly as for commands: a secret reaches the poll only through its environment.
        var line = _inputs.Builder.Build(wait.Command);
        var shown = _inputs.Redactor.Redact(line);
        if (_state.WaitSucceeded)
        {
            _console.MarkupLine($"  [green]✓[/] waited until {Markup.Escape(shown)} succeeded [grey](done earlier)[/]");
            return Next.Continue;
        }
        while (await PollUntilAsync(line, shown, wait, ct) is { } problem)
        {
            var next = await DecideAsync(problem, choices, ct);
            if (next != Next.Continue)
                return next;
        }
        return Next.Continue;
    }

    /// <summary>One wait: polls until success (null) or the timeout (the problem, for the failure menu).</summary>
    private async Task<string?> PollUntilAsync(string line, string shown, WaitDefinition wait, CancellationToken ct)
    {
        var stateName = _machine.State;
        var how = $"a poll every {Durations.Text(wait.Every)}, for up to {Durations.Text(wait.Timeout)}";
        Record(new JournalRecord { Type = RecordTypes.WaitStarted, State = stateName, Line = shown, Text = how });
        _console.MarkupLine($"  [blue]⏳[/] waiting until {Markup.Escape(shown)} succeeds: {Markup.Escape(how)}");
        var clock = Stopwatch.StartNew();
        for (var poll = 1; ; poll++)
        {
            var left = wait.Timeout - clock.Elapsed;
            // A poll cannot outlive the wait: one that hangs is stopped at the deadline.
            var result = await ShellCommand.RunAsync(line, _inputs.Environment, left > TimeSpan.Zero ? left : MinimumPoll, _inputs.Redactor, _ => { }, ct);
            left = wait.Timeout - clock.Elapsed;
            var last = result.Succeeded || result.Interrupted || left <= TimeSpan.Zero;
            Record(new JournalRecord
            {
                Type = RecordTypes.Poll, State = stateName, Poll = poll, ExitCode = result.ExitCode,
                TimedOut = result.TimedOut ? true : null, Interrupted = result.Interrupted ? true : null,
                // Every poll's exit code, but only the output of the poll that ends the wait: an hour's wait
                // polls hundreds of times.
                Output = last ? result.Output : null, OutputTruncated = last && result.OutputTruncated ? true : null,
            });
            ct.ThrowIfCancellationRequested();
            if (result.Succeeded)
            {
                _console.MarkupLine($"  [green]✓[/] poll {poll} succeeded after {Markup.Escape(Durations.Text(clock.Elapsed))}");
                return null;
            }
            if (left <= TimeSpan.Zero)
            {
                Record(new JournalRecord { Type = RecordTypes.WaitTimedOut, State = stateName, Poll = poll, Text = $"no poll succeeded within {wait.Timeout}" });
                _console.MarkupLine($"  [red]✗ poll {poll} {Markup.Escape(result.Describe())}; no poll succeeded within {Markup.Escape(Durations.Text(wait.Timeout))}. Its output:[/]");
                foreach (var outputLine in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    WriteOutput(outputLine.TrimEnd('\r'));
                return $"{shown} did not succeed within {Durations.Text(wait.Timeout)} ({poll} poll{(poll == 1 ? "" : "s")}, the last {result.Describe()})";
            }
            var pause = wait.Every < left ? wait.Every : left;
            await CountdownAsync($"poll {poll} {result.Describe()}{LastLine(result.Output)}", pause > MinimumPause ? pause : MinimumPause, clock, wait.Timeout, ct);
        }
    }

    /// <summary>
    /// The pause before the next poll. In a terminal, one line counts down to the next poll and to the
    /// deadline; in a log (no ANSI), one line per poll. Ctrl-C ends it like a command: the run pauses.
    /// </summary>
    private async Task CountdownAsync(string status, TimeSpan pause, Stopwatch clock, TimeSpan timeout, CancellationToken ct)
    {
        var until = clock.Elapsed + pause;
        if (!_console.Profile.Capabilities.Ansi)
        {
            _console.MarkupLine($"  [grey]⏳ {Markup.Escape(status)}; next poll in {Markup.Escape(Durations.Text(pause))}, gives up in {Markup.Escape(Durations.Text(timeout - clock.Elapsed))}[/]");
            await Task.Delay(pause, ct);
            return;
        }
        var writer = _console.Profile.Out.Writer;
        try
        {
            for (var left = until - clock.Elapsed; left > TimeSpan.Zero; left = until - clock.Elapsed)
            {
                var text = $"  ⏳ {status}; next poll in {Durations.Text(left)}, gives up in {Durations.Text(timeout - clock.Elapsed)}";
                // One physical line: a wrapped one would leave its first part behind at each redraw.
                var width = Math.Max(20, _console.Profile.Width - 1);
                writer.Write("\r\u001b[2K" + (text.Length > width ? text[..(width - 3)] + "..." : text));
                writer.Flush();
                await Task.Delay(left < CountdownTick ? left : CountdownTick, ct);
            }
        }
        finally
        {
            // Interrupted: the last status stays on screen; otherwise the next poll's line replaces it.
            writer.Write(ct.IsCancellationRequested ? Environment.NewLine : "\r\u001b[2K");
            writer.Flush();
        }
    }

    /// <summary>": " and the last line of a poll's output, shortened and without control characters, or nothing.</summary>
    private static string LastLine(string output)
    {
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (string.IsNullOrEmpty(last))
            return "";
        last = new string(last.Where(c => !char.IsControl(c)).ToArray());
        return ": " + (last.Length > 80 ? last[..77] + "..." : last);
    }
}
