using System.Text.Json.Serialization;

namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// One line of a run journal. A flat shape with a <see cref="Type"/> tag: every record type uses a few
/// of the optional fields (see <see cref="RecordTypes"/>), and absent fields are not written.
/// </summary>
internal sealed record JournalRecord
{
    /// <summary>One of <see cref="RecordTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>When the record was written.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    // header (and "resumed": user, host, pid)
    public int? Version { get; init; }
    public string? RunId { get; init; }
    public string? Checklist { get; init; }
    public string? Title { get; init; }
    public string? Fingerprint { get; init; }
    public IReadOnlyList<StepFingerprint>? Steps { get; init; }
    public string? Target { get; init; }
    public string? User { get; init; }
    public string? Host { get; init; }
    public int? Pid { get; init; }
    /// <summary>The checklists assembly the run loaded (full path), so that a resume needs no --assembly.</summary>
    public string? Assembly { get; init; }
    /// <summary>The checklists project it was built from (full path), when the run was given one (or found one in its folder).</summary>
    public string? Project { get; init; }
    /// <summary>The state folder that holds the journal and the lock (full path).</summary>
    public string? StateDir { get; init; }
    /// <summary>Non-secret input values (secrets are never recorded).</summary>
    public IReadOnlyDictionary<string, string>? Inputs { get; init; }

    // transition
    public string? Trigger { get; init; }
    public string? Source { get; init; }
    public string? Destination { get; init; }
    /// <summary>On a transition into Aborted: the changes still in place (text names where the run stopped).</summary>
    public IReadOnlyList<string>? InPlace { get; init; }

    /// <summary>The machine state the record belongs to (a step or rollback state).</summary>
    public string? State { get; init; }
    /// <summary>Zero-based step index, for checks and approvals.</summary>
    public int? Step { get; init; }
    /// <summary>Zero-based check index.</summary>
    public int? Check { get; init; }
    /// <summary>The check's text, the rejection reason, the failure, ...: for the reader of the journal.</summary>
    public string? Text { get; init; }

    // approval / rejection
    public string? Role { get; init; }
    public string? Approver { get; init; }
    /// <summary>How a decision was taken: "prompt" or "--approve" / "--approver" / "--yes" / "--on-failure" / "checklist approve".</summary>
    public string? Via { get; init; }
    /// <summary>At a gate that waits: how many distinct approvals it needs.</summary>
    public int? Required { get; init; }
    /// <summary>At a gate that waits: whether the run's operator may approve it (the four-eyes rule is off for it).</summary>
    public bool? SelfApproval { get; init; }
    /// <summary>Whether the approver's identity was vouched for (a database login); <see langword="false"/> for a typed name.</summary>
    public bool? Verified { get; init; }

    // commands
    /// <summary>Zero-based command index in its state; the step's C# automation comes after its commands.</summary>
    public int? Command { get; init; }
    /// <summary>The command line as run (secrets are environment references, credential shapes redacted).</summary>
    public string? Line { get; init; }
    public int? ExitCode { get; init; }
    public bool? TimedOut { get; init; }
    public bool? Interrupted { get; init; }
    /// <summary>Captured output, redacted and truncated.</summary>
    public string? Output { get; init; }
    public bool? OutputTruncated { get; init; }
    /// <summary>For a command with retries: which attempt this is (1: the first run) ...</summary>
    public int? Attempt { get; init; }
    /// <summary>... and how many it may have (1 + its <c>Retries</c>).</summary>
    public int? MaxAttempts { get; init; }

    // condition-skipped: the input the step's condition reads, and its value in this run
    public string? Input { get; init; }
    public string? Value { get; init; }

    // waits: the number of a poll in its wait (1: the first)
    public int? Poll { get; init; }

    // decision after a failure
    public string? Action { get; init; }

    // torn-tail-set-aside
    /// <summary>Where the torn bytes were in the journal (byte offset) and how many there were.</summary>
    public long? Offset { get; init; }
    public long? Length { get; init; }

    /// <summary>The source revision of the checklists' build (header, resumed): "commit" or "commit+dirty", or "unknown".</summary>
    public string? SourceRevision { get; init; }

    /// <summary>
    /// The hash chain (see <see cref="JournalChain"/>): the hash of the record before this one; the
    /// writer sets it, and ends the line with the record's own hash.
    /// </summary>
    public string? Prev { get; init; }

    /// <summary>Whether a finished command succeeded.</summary>
    [JsonIgnore]
    public bool Succeeded => ExitCode == 0 && TimedOut != true && Interrupted != true;
}

/// <summary>A step's name and fingerprint, in a journal header, so resume can say which steps changed.</summary>
internal sealed record StepFingerprint(string Name, string Fingerprint);

/// <summary>The record types of a journal.</summary>
internal static class RecordTypes
{
    /// <summary>First line: run id, checklist, plan fingerprint, step fingerprints, target, who, where, when.</summary>
    public const string Header = "header";
    /// <summary>A later process took the run over (user, host, pid).</summary>
    public const string Resumed = "resumed";
    /// <summary>A machine transition: trigger, source, destination.</summary>
    public const string Transition = "transition";
    /// <summary>A check ticked: step, check, text.</summary>
    public const string CheckTicked = "check";
    /// <summary>An approval recorded: step, role, approver, via.</summary>
    public const string Approval = "approval";
    /// <summary>An approval refused: step, role, approver, via.</summary>
    public const string Rejection = "rejection";
    /// <summary>A command about to run: state, command, line.</summary>
    public const string CommandStarted = "command-started";
    /// <summary>A command ended: state, command, exit code, timed out / interrupted, output.</summary>
    public const string CommandFinished = "command-finished";
    /// <summary>An interrupted command that the operator declared done without running it again.</summary>
    public const string CommandAccepted = "command-accepted";
    /// <summary>A failure and the action chosen: state, text (what failed), action.</summary>
    public const string Failure = "failure";
    /// <summary>The run stopped before its end (text says why); resume continues it.</summary>
    public const string Paused = "paused";
    /// <summary>The run waits at a gate for approvals from other terminals: state, step, role, required, selfApproval.</summary>
    public const string AwaitingApproval = "awaiting-approval";
    /// <summary>The run was given up (<c>checklist abandon</c>): user, host, text (the comment). It no longer claims its target.</summary>
    public const string Abandoned = "abandoned";
    /// <summary>A lock left by the run's dead process was cleared (<c>checklist unlock</c>): user, host, text (whose lock).</summary>
    public const string Unlocked = "unlocked";
    /// <summary>
    /// Resume found a torn last line (a crash mid-write) and moved its bytes aside: text names the file,
    /// offset and length where they were. The torn record's action was never taken.
    /// </summary>
    public const string TornTailSetAside = "torn-tail-set-aside";
    /// <summary>A step whose <c>[When]</c> condition does not hold for the run's inputs, skipped without a prompt: state, step, text (the condition), input, value.</summary>
    public const string ConditionSkipped = "condition-skipped";
    /// <summary>A step's <c>[WaitUntil]</c> begins polling: state, line (redacted), text (how often, how long).</summary>
    public const string WaitStarted = "wait-started";
    /// <summary>One poll of a wait ended: state, poll, exitCode, timedOut / interrupted; output only on the poll that ends the wait.</summary>
    public const string Poll = "poll";
    /// <summary>A wait's timeout passed without a successful poll: state, poll (how many were made), text.</summary>
    public const string WaitTimedOut = "wait-timed-out";
}
