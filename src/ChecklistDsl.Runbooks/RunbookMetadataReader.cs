using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ChecklistDsl.Shared;

namespace ChecklistDsl.Runbooks;

/// <summary>
/// Finds the runbooks in a built assembly by reading its metadata: every type carrying
/// <c>ChecklistDsl.ChecklistAttribute</c> and its generated runbook, the <c>runbook</c> argument of its
/// <c>ChecklistDsl.ChecklistDataAttribute</c>. Nothing is loaded or executed, so a build or a tool can
/// read any checklists assembly safely.
/// </summary>
internal static class RunbookMetadataReader
{
    /// <summary>What an assembly holds.</summary>
    /// <param name="Runbooks">The runbooks, ordered by file name.</param>
    /// <param name="ChecklistsWithoutMarkdown">Checklist classes with no generated Markdown (the generator did not run on them).</param>
    /// <param name="UndrawnDiagrams">
    /// Runbooks whose state diagram could not be drawn from the machine table and the plan, each as the
    /// class name and why; they are in <paramref name="Runbooks"/> with the diagram's placeholder.
    /// </param>
    public sealed record Result(IReadOnlyList<CompiledRunbook> Runbooks, IReadOnlyList<string> ChecklistsWithoutMarkdown, IReadOnlyList<(string ClassName, string Reason)> UndrawnDiagrams);

    /// <summary>Reads the runbooks of the assembly at <paramref name="assemblyPath"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a .NET assembly.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Result Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!IsAssembly(pe))
            throw new InvalidDataException($"'{assemblyPath}' is not a .NET assembly.");
        var metadata = pe.GetMetadataReader();
        var runbooks = new List<CompiledRunbook>();
        var withoutMarkdown = new List<string>();
        var undrawn = new List<(string, string)>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            var attribute = FindAttribute(metadata, type, "ChecklistAttribute");
            if (attribute is null)
                continue;
            var className = metadata.GetString(type.Name);
            var data = FindAttribute(metadata, type, "ChecklistDataAttribute");
            var markdown = ReadRunbook(metadata, data);
            if (markdown is null)
            {
                withoutMarkdown.Add(className);
                continue;
            }
            if (RunbookDiagram.HasPlaceholder(markdown))
            {
                try
                {
                    markdown = RunbookDiagramData.Draw(markdown, ReadData(metadata, data!.Value));
                }
                catch (Exception e) when (e is FormatException or BadImageFormatException)
                {
                    undrawn.Add((className, e.Message));
                }
            }
            var summary = ReadSummary(attribute.Value);
            runbooks.Add(new CompiledRunbook(className, RunbookFileNames.For(className), TitleOf(markdown, className), summary, markdown));
        }
        runbooks.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return new Result(runbooks, withoutMarkdown, undrawn);
    }

    private static bool IsAssembly(PEReader pe)
    {
        try
        {
            return pe.HasMetadata && pe.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static CustomAttribute? FindAttribute(MetadataReader metadata, TypeDefinition type, string name)
    {
        foreach (var handle in type.GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (AttributeTypeIs(metadata, attribute, "ChecklistDsl", name))
                return attribute;
        }
        return null;
    }

    private static bool AttributeTypeIs(MetadataReader metadata, CustomAttribute attribute, string ns, string name)
    {
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MemberReference:
                var member = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (member.Parent.Kind != HandleKind.TypeReference)
                    return false;
                var reference = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
                return metadata.StringComparer.Equals(reference.Namespace, ns) && metadata.StringComparer.Equals(reference.Name, name);
            case HandleKind.MethodDefinition:
                var method = metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
                var definition = metadata.GetTypeDefinition(method.GetDeclaringType());
                return metadata.StringComparer.Equals(definition.Namespace, ns) && metadata.StringComparer.Equals(definition.Name, name);
            default:
                return false;
        }
    }

    /// <summary>
    /// The second argument of <c>[ChecklistData(plan, runbook, machine)]</c>, read from the attribute's
    /// blob: the prolog, then each argument as a length and its UTF-8 bytes. Only the runbook is
    /// decoded: the plan before it is skipped, and read (with the table) only to draw a diagram.
    /// </summary>
    private static string? ReadRunbook(MetadataReader metadata, CustomAttribute? data)
    {
        if (data is null)
            return null;
        try
        {
            var blob = metadata.GetBlobReader(data.Value.Value);
            if (blob.ReadUInt16() != CustomAttributeProlog)
                return null;
            SkipSerializedString(ref blob);
            return blob.ReadSerializedString();
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The plan and the machine table, for drawing the diagram (the runbook between them is skipped).</summary>
    /// <exception cref="BadImageFormatException">The blob is not three strings.</exception>
    private static (string? Plan, string? Machine) ReadData(MetadataReader metadata, CustomAttribute data)
    {
        var blob = metadata.GetBlobReader(data.Value);
        if (blob.ReadUInt16() != CustomAttributeProlog)
            throw new BadImageFormatException("the [ChecklistData] blob has no prolog");
        var plan = blob.ReadSerializedString();
        SkipSerializedString(ref blob);
        return (plan, blob.ReadSerializedString());
    }

    private const ushort CustomAttributeProlog = 0x0001;

    private static void SkipSerializedString(ref BlobReader blob)
    {
        if (blob.ReadByte() == NullString)
            return;
        blob.Offset--;
        var length = blob.ReadCompressedInteger();
        blob.Offset += length; // past the end throws BadImageFormatException
    }

    private const byte NullString = 0xFF;

    private static string? ReadSummary(CustomAttribute attribute)
    {
        var value = attribute.DecodeValue(new AttributeTypeNames());
        foreach (var named in value.NamedArguments)
        {
            if (named.Name == "Summary")
                return named.Value as string;
        }
        return null;
    }

    // The title is the runbook's first heading: exactly what the generator chose, humanized or not.
    private static string TitleOf(string markdown, string fallback)
    {
        var end = markdown.IndexOf('\n');
        var firstLine = end < 0 ? markdown : markdown[..end];
        return firstLine.StartsWith("# ", StringComparison.Ordinal) ? firstLine[2..].Trim() : fallback;
    }

    // Decoding attribute arguments needs type names only; ChecklistAttribute takes strings.
    private sealed class AttributeTypeNames : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSystemType() => "System.Type";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);
        public string GetTypeFromSerializedName(string name) => name;
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(string type) => type == "System.Type";
    }
}
