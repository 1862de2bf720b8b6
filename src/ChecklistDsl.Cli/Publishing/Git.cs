using System.Diagnostics;

namespace ChecklistDsl.Cli.Publishing;

/// <summary>Runs the git command-line tool, never interactively.</summary>
internal static class Git
{
    /// <summary>What a git command did.</summary>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public bool Succeeded => ExitCode == 0;

        /// <summary>git's own explanation, for an error message.</summary>
        public string Explanation => (string.IsNullOrWhiteSpace(Error) ? Output : Error).Trim();
    }

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>Runs <c>git</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="WikiPublishException">git is not installed or did not finish in time.</exception>
    public static Result Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // A publish runs unattended: a credential prompt must fail, not wait forever.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        if (!start.Environment.ContainsKey("GIT_SSH_COMMAND"))
            start.Environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes";
        start.Environment["LC_ALL"] = "C";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new WikiPublishException("git did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new WikiPublishException($"git is not installed or not on PATH ({e.Message}).");
        }
        using (process)
        {
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new WikiPublishException($"git {string.Join(' ', arguments)} did not finish within {Limit.TotalMinutes} minutes.");
            }
            return new Result(process.ExitCode, output.Result, error.Result);
        }
    }
}
