namespace ChecklistDsl;

/// <summary>An explicit, reasoned opt-out: this changing step has no rollback procedure.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class NoRollbackAttribute : Attribute
{
    /// <summary>Opts out of a rollback.</summary>
    /// <param name="because">Why no rollback is needed or possible; shown in the runbook.</param>
    public NoRollbackAttribute(string because) => Because = because;

    /// <summary>Why no rollback is needed or possible.</summary>
    public string Because { get; }
}
