// Shared source (src/Shared): compiled into the runtime and the generator, which cannot reference each other.
namespace ChecklistDsl.Shared;

/// <summary>
/// The triggers of every machine, as the generator writes them (the nested <c>Trigger</c> enum and the
/// machine table) and the runtime reads them. The runtime's public <c>ChecklistTrigger</c> enum declares
/// the same names in the same order; a test holds it to <see cref="All"/>.
/// </summary>
internal static class TriggerNames
{
    public const string Start = "Start";
    public const string Complete = "Complete";
    public const string Skip = "Skip";
    public const string Approve = "Approve";
    public const string Reject = "Reject";
    public const string Fail = "Fail";
    public const string Abort = "Abort";

    /// <summary>In enum order: a trigger's index here is its value.</summary>
    public static readonly string[] All = { Start, Complete, Skip, Approve, Reject, Fail, Abort };
}
