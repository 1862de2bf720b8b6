namespace ChecklistDsl.Cli;

/// <summary>
/// The process exit codes of the <c>checklist</c> tool; README-CLI.md documents them. Scripts rely on
/// these numbers, so they never change meaning.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The run completed (and any other verb succeeded).</summary>
    public const int Completed = 0;

    /// <summary>A step failed and the rollback path was walked to its end (RolledBack).</summary>
    public const int RolledBack = 1;

    /// <summary>The run was aborted: by the operator, by a rejected approval with nothing to roll back, or by a failed rollback.</summary>
    public const int Aborted = 2;

    /// <summary>Usage error or bad input: unknown option, verb or checklist, missing input, a project that does not build, an unreadable journal, a changed plan.</summary>
    public const int UsageError = 3;

    /// <summary>Another run of the same checklist against the same target holds the lock (or a stale lock is left).</summary>
    public const int Locked = 4;

    /// <summary>The run stopped before its end and can be resumed: waiting for an approval, or interrupted (Ctrl-C).</summary>
    public const int Paused = 5;

    /// <summary><c>verify</c>: the journal does not fit its hash chain (altered, or cut off by a crash).</summary>
    public const int NotIntact = 6;

    /// <summary>An unexpected internal error (a bug): the message is printed, the journal stays as written.</summary>
    public const int InternalError = 70;
}

/// <summary>An error to report to the user with a given exit code; the message is the whole explanation.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.UsageError) : Exception(message)
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
