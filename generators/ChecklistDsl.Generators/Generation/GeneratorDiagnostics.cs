using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Generation;

/// <summary>
/// The generator's own diagnostic: only for a failure inside the generator, which is a bug. The
/// rules about checklists live in the analyzers.
/// </summary>
internal static class GeneratorDiagnostics
{
    public static readonly DiagnosticDescriptor NotGenerated = new(
        id: "CHK000",
        title: "ChecklistDsl could not generate a file",
        messageFormat: "ChecklistDsl could not generate '{0}': {1}. This is a bug in ChecklistDsl; please report it with the checklist's source.",
        category: "ChecklistDsl.Generator",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: Analysis.DiagnosticDescriptors.HelpLink("CHK000"));
}
