using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ChecklistDsl.Cli.Reporting;

/// <summary>
/// The source revision a checklists assembly was built from: the <c>[AssemblyMetadata("ChecklistSourceRevision", …)]</c>
/// that buildTransitive/ChecklistDsl.SourceRevision.targets stamps at build time ("commit", "commit+dirty"
/// or "unknown" outside git). Read from metadata: nothing of the assembly runs.
/// </summary>
internal static class SourceRevision
{
    /// <summary>The metadata key the build stamps.</summary>
    public const string MetadataKey = "ChecklistSourceRevision";

    /// <summary>What a run records when the assembly carries no stamp (built without the targets).</summary>
    public const string Unknown = "unknown";

    /// <summary>The stamped revision, or <see cref="Unknown"/> when there is none or the file cannot be read.</summary>
    public static string Read(string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
                return Unknown;
            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
                return Unknown;
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (!IsAssemblyMetadata(metadata, attribute))
                    continue;
                var blob = metadata.GetBlobReader(attribute.Value);
                if (blob.ReadUInt16() != 1)
                    continue;
                if (blob.ReadSerializedString() == MetadataKey)
                    return blob.ReadSerializedString() is { Length: > 0 } value ? value : Unknown;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            // Not an assembly we can read: the revision is simply not known.
        }
        return Unknown;
    }

    /// <summary>"abc123 (uncommitted changes)" for people; the commit alone when clean.</summary>
    public static string Describe(string? revision) => revision switch
    {
        null => "not recorded (the run predates source revisions)",
        Unknown => "unknown (built outside a git repository)",
        _ when revision.EndsWith("+dirty", StringComparison.Ordinal) => $"{revision[..^6]} with uncommitted changes (dirty)",
        _ => $"{revision} (clean)",
    };

    private static bool IsAssemblyMetadata(MetadataReader metadata, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
            return false;
        var parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference)
            return false;
        var type = metadata.GetTypeReference((TypeReferenceHandle)parent);
        return metadata.StringComparer.Equals(type.Name, "AssemblyMetadataAttribute")
            && metadata.StringComparer.Equals(type.Namespace, "System.Reflection");
    }
}
