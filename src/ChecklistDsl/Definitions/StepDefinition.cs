namespace ChecklistDsl;

/// <summary>One step of a checklist's plan.</summary>
public sealed class StepDefinition
{
    /// <summary>Zero-based position on the forward path.</summary>
    public required int Index { get; init; }

    /// <summary>The method name; also the name of the step's state.</summary>
    public required string Name { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The section this step belongs to, if any.</summary>
    public string? Section { get; init; }

    /// <summary>Whether this step starts its section.</summary>
    public bool StartsSection { get; init; }

    /// <summary>Why the step exists.</summary>
    public string? Purpose { get; init; }

    /// <summary>What to do.</summary>
    public string? Instructions { get; init; }

    /// <summary>Whether the step may be skipped.</summary>
    public bool Optional { get; init; }

    /// <summary>How long the step may take.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Items to tick before the step completes.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>Shell commands, with <c>{Name}</c> placeholders.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>How each of <see cref="Commands"/> is retried, by index (<see cref="CommandRetry.None"/> when it is not).</summary>
    public IReadOnlyList<CommandRetry> CommandRetries { get; init; } = [];

    /// <summary>When the step applies (<c>[When]</c>), or <see langword="null"/>: always.</summary>
    public StepCondition? Condition { get; init; }

    /// <summary>The command polled after the step's work until it succeeds (<c>[WaitUntil]</c>), or <see langword="null"/>.</summary>
    public WaitDefinition? Wait { get; init; }

    /// <summary>The role that must approve, for an approval gate.</summary>
    public string? ApprovalRole { get; init; }

    /// <summary>How many distinct people of <see cref="ApprovalRole"/> must approve (a quorum); 1 by default.</summary>
    public int ApprovalsRequired { get; init; } = 1;

    /// <summary>Whether the run's own operator may approve this gate (the four-eyes rule forbids it by default).</summary>
    public bool AllowsSelfApproval { get; init; }

    /// <summary>What the step backs up, if it is a backup step.</summary>
    public BackupDefinition? Backup { get; init; }

    /// <summary>Resources changed reversibly.</summary>
    public IReadOnlyList<string> Modifies { get; init; } = [];

    /// <summary>Resources whose data is deleted or overwritten.</summary>
    public IReadOnlyList<string> Destroys { get; init; } = [];

    /// <summary>Resources verified read-only.</summary>
    public IReadOnlyList<string> Verifies { get; init; } = [];

    /// <summary>The method name of the rollback procedure that undoes this step.</summary>
    public string? RollbackName { get; init; }

    /// <summary>
    /// The name of the machine state in which this step's rollback procedure runs, or
    /// <see langword="null"/> when it has none.
    /// </summary>
    public string? RollbackState { get; init; }

    /// <summary>The reason given for having no rollback.</summary>
    public string? NoRollbackReason { get; init; }

    /// <summary>Risks accepted on this step with <see cref="AssumeSafeAttribute"/>.</summary>
    public IReadOnlyList<AcceptedRisk> AcceptedRisks { get; init; } = [];

    /// <summary>A hash of this step's part of the plan, to tell which steps changed.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The step's C# automation, when its method takes a <see cref="StepContext"/>.</summary>
    public Func<object, StepContext, Task>? Automation { get; init; }

    /// <summary>Whether the step modifies or destroys anything.</summary>
    public bool IsChange => Modifies.Count > 0 || Destroys.Count > 0;

    /// <summary>Whether the step is an approval gate.</summary>
    public bool IsApproval => ApprovalRole is not null;

    /// <inheritdoc />
    public override string ToString() => $"{Index + 1}. {Title}";
}
