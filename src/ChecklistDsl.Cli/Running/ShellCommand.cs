using System.Diagnostics;

namespace ChecklistDsl.Cli.Running;

/// <summary>How a command ended.</summary>
internal sealed record CommandResult(int? ExitCode, bool TimedOut, bool Interrupted, string Output, bool OutputTruncated)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut && !Interrupted;

    /// <summary>In words, for the operator and the journal.</summary>
    public string Describe() =>
        TimedOut ? "timed out" : Interrupted ? "interrupted" : ExitCode == 0 ? "succeeded" : $"failed with exit code {ExitCode}";
}

/// <summary>
/// Runs one command line with <see cref="Shell"/> (<c>sh -o pipefail -c</c>, <c>cmd /c</c> on Windows):
/// live output line by line (redacted before anyone sees it), a timeout, the exit code, and the
/// captured output (truncated).
/// </summary>
internal static class ShellCommand
{
    /// <summary>
    /// The shell and the arguments before the command line. Any failing part of a pipeline must fail
    /// the command (<c>mysqldump … | gzip</c> with no mysqldump is not a backup), so POSIX systems use
    /// <c>/bin/sh -o pipefail</c> when that sh has pipefail, else <c>bash -o pipefail</c>; only when
    /// neither has it, plain <c>/bin/sh</c> (a pipeline then takes its last command's exit code, and
    /// <c>HasPipefail</c> is false). cmd.exe has no pipefail at all.
    /// </summary>
    public static (string Program, string[] Arguments, bool HasPipefail) Shell => LazyShell.Value;

    private static readonly Lazy<(string, string[], bool)> LazyShell = new(FindShell);

    private static (string, string[], bool) FindShell()
    {
        if (OperatingSystem.IsWindows())
            return ("cmd.exe", ["/d", "/s", "/c"], false);
        string[] pipefail = ["-o", "pipefail", "-c"];
        if (Accepts("/bin/sh", pipefail))
            return ("/bin/sh", pipefail, true);
        foreach (var bash in new[] { "/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash" })
        {
            if (File.Exists(bash) && Accepts(bash, pipefail))
                return (bash, pipefail, true);
        }
        return ("/bin/sh", ["-c"], false);
    }

    /// <summary>Whether the shell runs a pipeline whose first command fails as failed.</summary>
    private static bool Accepts(string shell, string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(shell) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            start.ArgumentList.Add("false | true");
            using var probe = Process.Start(start)!;
            probe.StandardOutput.ReadToEnd();
            probe.StandardError.ReadToEnd();
            return probe.WaitForExit(10_000) && probe.ExitCode == 1;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>How much output is kept for the journal: this much from the start and this much from the end.</summary>
    public const int KeptHeadChars = 16 * 1024, KeptTailChars = 16 * 1024;

    public static async Task<CommandResult> RunAsync(
        string line,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan? timeout,
        SecretRedactor redactor,
        Action<string> onLine,
        CancellationToken cancellationToken)
    {
        var (program, arguments, _) = Shell;
        var start = new ProcessStartInfo(program);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add(line);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // Commands get no terminal input: a command that waits for input would hang the run.
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = Environment.CurrentDirectory;
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var capture = new OutputCapture();
        var gate = new object();
        void Receive(string? text)
        {
            if (text is null)
                return;
            var redacted = redactor.Redact(text);
            lock (gate)
            {
                capture.Add(redacted);
                onLine(redacted);
            }
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new CommandResult(null, false, false, redactor.Redact($"could not start the shell: {e.Message}"), false);
        }
        process.StandardInput.Close();
        var readers = Task.WhenAll(Pump(process.StandardOutput, Receive), Pump(process.StandardError, Receive));

        using var timeoutSource = timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        bool timedOut = false, interrupted = false;
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            interrupted = !timedOut;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended meanwhile.
            }
            await process.WaitForExitAsync(CancellationToken.None);
        }
        // The output ends when every writer has closed it; a background process the command left
        // behind may keep it open, so wait a little, not forever.
        await Task.WhenAny(readers, Task.Delay(OutputGrace, CancellationToken.None));
        if (timedOut)
            Receive($"[checklist] the command was stopped after its timeout of {timeout}");
        string output;
        bool truncated;
        lock (gate)
            (output, truncated) = capture.Result();
        return new CommandResult(timedOut || interrupted ? null : process.ExitCode, timedOut, interrupted, output, truncated);
    }

    /// <summary>How long the output may still be read after the command ended.</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(5);

    private static async Task Pump(StreamReader reader, Action<string?> receive)
    {
        while (await reader.ReadLineAsync() is { } line)
            receive(line);
    }

    /// <summary>Keeps the start and the end of long output (the end usually says what went wrong).</summary>
    private sealed class OutputCapture
    {
        private readonly System.Text.StringBuilder _head = new();
        private readonly LinkedList<string> _tail = new();
        private int _tailChars;
        private long _dropped;
        private bool _headFull;

        public void Add(string line)
        {
            _headFull |= _head.Length + line.Length + 1 > KeptHeadChars;
            if (!_headFull)
            {
                _head.Append(line).Append('\n');
                return;
            }
            _tail.AddLast(line);
            _tailChars += line.Length + 1;
            while (_tailChars > KeptTailChars && _tail.First is { } first)
            {
                _tail.RemoveFirst();
                _tailChars -= first.Value.Length + 1;
                _dropped += first.Value.Length + 1;
            }
        }

        public (string Output, bool Truncated) Result()
        {
            var text = new System.Text.StringBuilder(_head.ToString());
            if (_dropped > 0)
                text.Append($"[... {_dropped} characters of output left out ...]\n");
            foreach (var line in _tail)
                text.Append(line).Append('\n');
            return (text.ToString(), _dropped > 0);
        }
    }
}
