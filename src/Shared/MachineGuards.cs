// Shared source (src/Shared): compiled into the runtime and the generator, which cannot reference each other.
namespace ChecklistDsl.Shared;

/// <summary>
/// A guard in the machine table the generator writes and the runtime reads: a letter and a step index
/// (<c>T0</c>), and the words diagrams and refusals show for it.
/// </summary>
internal static class MachineGuards
{
    /// <summary>Every check of the step is ticked.</summary>
    public const char ChecksTicked = 'T';
    /// <summary>The step's approval is recorded.</summary>
    public const char Approved = 'A';
    /// <summary>The step completed (was not skipped).</summary>
    public const char Completed = 'C';
    /// <summary>The step did not complete.</summary>
    public const char NotCompleted = 'N';

    public const string ChecksTickedText = "all checks ticked";
    public const string ApprovedText = "approval recorded";

    /// <summary><c>Backup completed</c>: the step by name.</summary>
    public static string CompletedText(string step) => step + " completed";

    /// <summary><c>Backup not completed</c>.</summary>
    public static string NotCompletedText(string step) => step + " not completed";
}
