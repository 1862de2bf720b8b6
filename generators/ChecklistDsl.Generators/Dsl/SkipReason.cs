namespace ChecklistDsl.Generators.Dsl;

/// <summary>
/// Every reason the generator leaves a <c>[Checklist]</c> class ungenerated, found by
/// <see cref="ChecklistReader"/> (a <see cref="Model.Problem"/> of the description). Each has its
/// diagnostic: CHK011 (or CHK003, CHK015) from the analyzers for what the author can fix, CHK000 from
/// the generator for its own failure. A test enumerates the values, so a new reason cannot be added
/// without both.
/// </summary>
internal enum SkipReason
{
    /// <summary>A record, or not a class (the generated members are a class's).</summary>
    NotAClass,
    /// <summary>A generic class.</summary>
    Generic,
    /// <summary>Not partial.</summary>
    NotPartial,
    /// <summary>Named like a member the generator adds (<c>Step</c>, <c>Markdown</c>, ...): CS0542.</summary>
    NamedLikeGeneratedMember,
    /// <summary>File-local, or nested in a private or protected type: the catalog cannot name it.</summary>
    NotVisibleToCatalog,
    /// <summary>Nested in a type that is generic, not partial, or not a class, struct, record or interface.</summary>
    UnsupportedContainingType,
    /// <summary>Declares a member the generator adds.</summary>
    DeclaresGeneratedMember,
    /// <summary>A method carries both <c>[Step]</c> and <c>[Rollback]</c>.</summary>
    StepAndRollback,
    /// <summary>Two steps or rollbacks share a method name (overloads), or one is named like a reserved state.</summary>
    StateNameTaken,
    /// <summary>No <c>[Step]</c> method.</summary>
    NoSteps,
    /// <summary>A step's <c>Timeout</c> is not a positive time span.</summary>
    MalformedTimeout,
    /// <summary>A negative <c>Retries</c> or a <c>RetryDelay</c> that is not a positive time span.</summary>
    MalformedRetry,
    /// <summary>A <c>[WaitUntil]</c> with no command, or an <c>Every</c> or <c>Timeout</c> that is not a positive time span.</summary>
    MalformedWait,
    /// <summary>A <c>[RollbackWith]</c> that names no <c>[Rollback]</c> method of the class (CHK003).</summary>
    RollbackWithNamesNoRollback,
    /// <summary>An <c>[Approval]</c> whose <c>Required</c> is below 1 (CHK015).</summary>
    ApprovalQuorumBelowOne,
    /// <summary>The generator failed on this class: a bug, reported as CHK000.</summary>
    GeneratorFailure,
}
