namespace ChecklistDsl;

/// <summary>What a backup step backs up.</summary>
public sealed class BackupDefinition
{
    /// <summary>The resources backed up.</summary>
    public required IReadOnlyList<string> Resources { get; init; }

    /// <summary>Whether the restore has been tested.</summary>
    public bool Verified { get; init; }

    /// <summary>Whether a copy is kept off-site.</summary>
    public bool OffSite { get; init; }
}
