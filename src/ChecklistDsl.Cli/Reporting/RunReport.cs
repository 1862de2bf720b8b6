namespace ChecklistDsl.Cli.Reporting;

/// <summary>
/// Everything a run report says, built from the journal (and, when available, the checklist's
/// definition for titles and accepted risks) by <see cref="RunReportBuilder"/>. The Markdown, HTML
/// and JSON formats are renderings of this one model; <c>--format json</c> writes it as it is
/// (README-CLI.md documents the shape).
/// </summary>
internal sealed record RunReport
{
    public required string RunId { get; init; }
    public required string Checklist { get; init; }
    public required string Title { get; init; }
    public required string Target { get; init; }
    /// <summary>The user who started the run.</summary>
    public required string Operator { get; init; }
    public required string Host { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When the run reached its end state; null while it has not.</summary>
    public DateTimeOffset? EndedAt { get; init; }
    public required DateTimeOffset LastActivityAt { get; init; }
    /// <summary>completed, rolled back, aborted, in progress, paused, stopped, not started.</summary>
    public required string Outcome { get; init; }
    /// <summary>What the outcome means for the reader (where it stopped, how to continue).</summary>
    public required string OutcomeDetail { get; init; }
    /// <summary>Start to end (or, unfinished, to the last record), in seconds.</summary>
    public required double DurationSeconds { get; init; }
    public required string PlanFingerprint { get; init; }
    /// <summary>As recorded at the start: "commit", "commit+dirty", "unknown"; null in journals older than the field.</summary>
    public string? SourceRevision { get; init; }
    /// <summary>The runbook's wiki page, when publishing is configured.</summary>
    public string? RunbookLink { get; init; }
    /// <summary>Where titles came from: the checklist (same plan), the checklist (changed plan), or the journal alone.</summary>
    public required string PlanSource { get; init; }
    public required ReportIntegrity Integrity { get; init; }
    /// <summary>Non-secret inputs as recorded (secrets are never recorded).</summary>
    public required IReadOnlyDictionary<string, string> Inputs { get; init; }
    public required IReadOnlyList<ReportDeviation> Deviations { get; init; }
    public required IReadOnlyList<ReportStep> Timeline { get; init; }
    public required IReadOnlyList<ReportCommand> Commands { get; init; }
    public required IReadOnlyList<ReportDecision> Approvals { get; init; }
}

/// <summary>The journal's integrity verdict (see Journal/JournalChain).</summary>
internal sealed record ReportIntegrity(string Status, string Verdict, int Records, int? BadRecord, string? Head);

/// <summary>A departure from the straight path: kind (skip, failure, rollback, resume, accepted-command, rejection, pause, unlock, accepted-risk), what, when, who.</summary>
internal sealed record ReportDeviation(string Kind, string Text, DateTimeOffset? At, string? By);

/// <summary>A row of the timeline: a step of the plan, or a rollback procedure walked (<see cref="IsRollback"/>).</summary>
internal sealed record ReportStep
{
    public required int Number { get; init; }
    public required string Name { get; init; }
    public required string Title { get; init; }
    public string? Section { get; init; }
    public bool IsRollback { get; init; }
    /// <summary>done, skipped, failed, rejected, aborted, rolled back, failed, rolled back, in progress, paused here, not reached.</summary>
    public required string Status { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public double? DurationSeconds { get; init; }
    public IReadOnlyList<ReportCheck> Checks { get; init; } = [];
}

/// <summary>A check ticked: what, by whom (the run's user at that time), how, when.</summary>
internal sealed record ReportCheck(string Text, string By, string? Via, DateTimeOffset At);

/// <summary>A command as run: its redacted line, result and recorded output.</summary>
internal sealed record ReportCommand
{
    public required string State { get; init; }
    public required string StepTitle { get; init; }
    public required int Index { get; init; }
    public required string Line { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public int? ExitCode { get; init; }
    public double? DurationSeconds { get; init; }
    public bool TimedOut { get; init; }
    public bool Interrupted { get; init; }
    /// <summary>Started, and no end recorded: the run stopped during it.</summary>
    public bool NoEndRecorded { get; init; }
    /// <summary>Declared done by the operator after an interruption, without running it again.</summary>
    public bool AcceptedWithoutRunning { get; init; }
    public string? Output { get; init; }
    /// <summary>The journal kept only the start and the end of the output (the cut is marked in it).</summary>
    public bool OutputTruncated { get; init; }
    public required string By { get; init; }
    public bool Succeeded => !AcceptedWithoutRunning && !NoEndRecorded && ExitCode == 0 && !TimedOut && !Interrupted;
}

/// <summary>An approval or a rejection at a gate.</summary>
internal sealed record ReportDecision(
    string Step, string Role, string Decision, string Who, bool Verified, string? Via, DateTimeOffset At, string? Comment);
