using System.Diagnostics;
using System.Text;

namespace ChecklistDsl.Cli.Tests.Support;

/// <summary>What a CLI process did.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs the real <c>checklist</c> tool (<c>dotnet checklist.dll</c>, copied next to the tests by the
/// project reference) in a folder, with standard input redirected (no terminal) and a bounded wait.
/// </summary>
internal static class CliProcess
{
    /// <summary>Generous: a wait that ends means a hang, not a slow machine.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static string ToolPath => Path.Combine(AppContext.BaseDirectory, "checklist.dll");

    /// <summary>The tool's per-user run index for this test process (CHECKLIST_HOME), not the user's own.</summary>
    public static readonly string Home = Path.Combine(Path.GetTempPath(), "checklist-tests", "home-" + Environment.ProcessId);

    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // The tests must not inherit a crash hook or a secret from the environment that runs them.
        start.Environment.Remove("CHECKLIST_TEST_CRASH_AFTER_RECORDS");
        start.Environment.Remove("API_TOKEN");
        start.Environment.Remove("CHECKLIST_STORE");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["CHECKLIST_HOME"] = Home;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return start;
    }

    /// <summary>Runs to the end; fails the test if it takes longer than <see cref="Limit"/>.</summary>
    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args, out var stdout, out var stderr);
        return Wait(process, stdout, stderr);
    }

    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args,
        out Task<string> stdout, out Task<string> stderr)
    {
        var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
        process.StandardInput.Close();
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
        return process;
    }

    public static CliResult Wait(Process process, Task<string> stdout, Task<string> stderr)
    {
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"checklist did not end within {Limit}: {stdout.Result}\n{stderr.Result}");
        }
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
