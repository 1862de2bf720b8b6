namespace ChecklistDsl;

/// <summary>
/// A rollback procedure: not on the forward path; run, newest change first, when a step fails.
/// Steps link to it with <see cref="RollbackWithAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class RollbackAttribute : Attribute
{
    /// <summary>A rollback procedure titled after its method name, humanized.</summary>
    public RollbackAttribute() { }

    /// <summary>A rollback procedure with the given title.</summary>
    /// <param name="title">The title shown in the rollback plan.</param>
    public RollbackAttribute(string title) => Title = title;

    /// <summary>The title; when omitted, the method name humanized.</summary>
    public string? Title { get; }

    /// <summary>What to do, for the operator. Line breaks are kept.</summary>
    public string? Instructions { get; set; }
}
