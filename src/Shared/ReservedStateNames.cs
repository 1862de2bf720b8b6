// Shared source (src/Shared): compiled into the runtime and the generator, which cannot reference each other.
namespace ChecklistDsl.Shared;

/// <summary>The states every generated machine has besides its steps and rollbacks; no step may take these names.</summary>
internal static class ReservedStateNames
{
    public const string NotStarted = "NotStarted";
    public const string Completed = "Completed";
    public const string Aborted = "Aborted";
    public const string RolledBack = "RolledBack";

    /// <summary>All four, in the order the generated <c>Step</c> enum ends with the last three.</summary>
    public static readonly string[] All = { NotStarted, Completed, Aborted, RolledBack };
}
