using ChecklistDsl.Runbooks;

namespace ChecklistDsl.Cli.Commands;

/// <summary>Reads the runbooks of a built checklists assembly for the export and publish verbs.</summary>
internal static class RunbookAssembly
{
    /// <summary>
    /// The runbooks in <paramref name="assemblyPath"/>, read from metadata (nothing runs); or
    /// <see langword="null"/> after telling <paramref name="error"/> why there are none.
    /// </summary>
    public static IReadOnlyList<CompiledRunbook>? Read(string assemblyPath, TextWriter error)
    {
        if (!File.Exists(assemblyPath))
        {
            error.WriteLine($"error: assembly '{assemblyPath}' not found.");
            return null;
        }
        RunbookMetadataReader.Result found;
        try
        {
            found = RunbookMetadataReader.Read(assemblyPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read runbooks from '{assemblyPath}': {e.Message}");
            return null;
        }
        foreach (var name in found.ChecklistsWithoutMarkdown)
            error.WriteLine($"warning: checklist class '{name}' has no generated runbook (is the ChecklistDsl generator referenced?).");
        foreach (var (name, reason) in found.UndrawnDiagrams)
            error.WriteLine($"warning: the runbook of checklist class '{name}' has no state diagram: it cannot be drawn from the generated machine table ({reason}). Rebuild with the generator of this tool's ChecklistDsl version.");
        if (found.Runbooks.Count == 0)
        {
            error.WriteLine($"error: '{assemblyPath}' holds no checklists.");
            return null;
        }
        return found.Runbooks;
    }
}
