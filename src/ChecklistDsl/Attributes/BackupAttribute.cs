namespace ChecklistDsl;

/// <summary>The step backs up the named resources.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class BackupAttribute : Attribute
{
    /// <summary>Declares a backup.</summary>
    /// <param name="resources">The resources backed up, named as in <see cref="DestroysAttribute"/>.</param>
    public BackupAttribute(params string[] resources) => Resources = resources ?? [];

    /// <summary>The resources backed up.</summary>
    public string[] Resources { get; }

    /// <summary>The backup's restore has been tested.</summary>
    public bool Verified { get; set; }

    /// <summary>A copy of the backup is kept off the machine it protects.</summary>
    public bool OffSite { get; set; }
}
