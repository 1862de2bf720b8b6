// Shared source (src/Shared): compiled into the runtime and the generator, which cannot reference each other.
namespace ChecklistDsl.Shared;

/// <summary>The version of the plan data (the generated <c>DefinitionData</c> JSON): written by the generator, checked by the runtime.</summary>
internal static class PlanDataFormat
{
    /// <summary>Raise it with every change the other side would misread.</summary>
    public const int Number = 4;
}
