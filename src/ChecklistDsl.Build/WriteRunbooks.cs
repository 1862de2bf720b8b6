using ChecklistDsl.Runbooks;
using Microsoft.Build.Framework;

namespace ChecklistDsl.Build;

/// <summary>
/// Writes the runbook of every checklist in a built assembly, and an index page, to a folder.
/// Reads the generated <c>Markdown</c> constants from metadata: no code of the assembly runs.
/// </summary>
public sealed class WriteRunbooks : Microsoft.Build.Utilities.Task
{
    /// <summary>The built checklists assembly.</summary>
    [Required]
    public string AssemblyPath { get; set; } = "";

    /// <summary>The folder to write to; created when missing.</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>The index page's file name.</summary>
    public string IndexFileName { get; set; } = RunbookFolder.DefaultIndexFileName;

    /// <summary>The files written by this run (new or changed).</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        RunbookMetadataReader.Result found;
        try
        {
            found = RunbookMetadataReader.Read(AssemblyPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Log.LogError(null, "CHKRUNBOOK001", null, AssemblyPath, 0, 0, 0, 0, "Cannot read runbooks from '{0}': {1}", AssemblyPath, e.Message);
            return false;
        }
        foreach (var name in found.ChecklistsWithoutMarkdown)
        {
            Log.LogWarning(null, "CHKRUNBOOK002", null, AssemblyPath, 0, 0, 0, 0,
                "Checklist class '{0}' has no generated Markdown runbook: is the ChecklistDsl generator referenced as an analyzer?", name);
        }
        foreach (var (name, reason) in found.UndrawnDiagrams)
        {
            Log.LogWarning(null, "CHKRUNBOOK003", null, AssemblyPath, 0, 0, 0, 0,
                "The runbook of checklist class '{0}' is written without its state diagram, which cannot be drawn from the generated machine table: {1}. Rebuild with the generator of the same ChecklistDsl version as this build task.", name, reason);
        }
        if (found.Runbooks.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, "No checklists in '{0}': no runbooks written.", AssemblyPath);
            return true;
        }
        try
        {
            var written = RunbookFolder.Write(OutputDirectory, RunbookFolder.ExpectedFiles(found.Runbooks, IndexFileName));
            WrittenFiles = [.. written.Select(path => new Microsoft.Build.Utilities.TaskItem(path))];
            // Said loudly only when something changed on disk.
            Log.LogMessage(written.Count > 0 ? MessageImportance.High : MessageImportance.Normal, "Runbooks: {0} of {1} files written to {2} ({3} unchanged).",
                written.Count, found.Runbooks.Count + 1, OutputDirectory, found.Runbooks.Count + 1 - written.Count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, "CHKRUNBOOK003", null, OutputDirectory, 0, 0, 0, 0, "Cannot write runbooks to '{0}': {1}", OutputDirectory, e.Message);
            return false;
        }
        return true;
    }
}
