using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using ChecklistDsl.Shared;

namespace ChecklistDsl.Runbooks;

/// <summary>
/// Finds the runbooks in a built assembly by reading its metadata: every type carrying
/// <c>ChecklistDsl.ChecklistAttribute</c> and its generated runbook: the UTF-8 literal that its
/// <c>RunbookData</c> property returns (or, from generators before UTF-8 literals, its
/// <c>public const string Markdown</c>). Nothing is loaded or executed, so a build or a tool can read
/// any checklists assembly safely.
/// </summary>
internal static class RunbookMetadataReader
{
    /// <summary>What an assembly holds.</summary>
    /// <param name="Runbooks">The runbooks, ordered by file name.</param>
    /// <param name="ChecklistsWithoutMarkdown">Checklist classes with no generated Markdown (the generator did not run on them).</param>
    public sealed record Result(IReadOnlyList<CompiledRunbook> Runbooks, IReadOnlyList<string> ChecklistsWithoutMarkdown);

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
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            var attribute = FindChecklistAttribute(metadata, type);
            if (attribute is null)
                continue;
            var className = metadata.GetString(type.Name);
            var markdown = ReadRunbookData(pe, metadata, type) ?? ReadMarkdownConstant(metadata, type);
            if (markdown is null)
            {
                withoutMarkdown.Add(className);
                continue;
            }
            var summary = ReadSummary(attribute.Value);
            runbooks.Add(new CompiledRunbook(className, RunbookFileNames.For(className), TitleOf(markdown, className), summary, markdown));
        }
        runbooks.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return new Result(runbooks, withoutMarkdown);
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

    private static CustomAttribute? FindChecklistAttribute(MetadataReader metadata, TypeDefinition type)
    {
        foreach (var handle in type.GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (AttributeTypeIs(metadata, attribute, "ChecklistDsl", "ChecklistAttribute"))
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
    /// The text of <c>static ReadOnlySpan&lt;byte&gt; RunbookData =&gt; "..."u8;</c>. The compiler stores a
    /// UTF-8 literal as data at a field's relative virtual address and the getter's IL makes the span
    /// from it: <c>ldsflda field; ldc.i4 length; newobj ReadOnlySpan&lt;byte&gt;(void*, int)</c>.
    /// </summary>
    private static string? ReadRunbookData(PEReader pe, MetadataReader metadata, TypeDefinition type)
    {
        foreach (var handle in type.GetMethods())
        {
            var method = metadata.GetMethodDefinition(handle);
            if (!metadata.StringComparer.Equals(method.Name, "get_RunbookData") || method.RelativeVirtualAddress == 0)
                continue;
            var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
            byte opcode;
            do
            {
                if (il.RemainingBytes == 0)
                    return null;
                opcode = il.ReadByte();
            }
            while (opcode == Nop);
            if (opcode != LoadStaticFieldAddress || il.RemainingBytes < 4 || MetadataTokens.EntityHandle(il.ReadInt32()) is not { Kind: HandleKind.FieldDefinition } field
                || ReadLength(ref il) is not { } length)
                return null;
            var rva = metadata.GetFieldDefinition((FieldDefinitionHandle)field).GetRelativeVirtualAddress();
            if (rva == 0)
                return null;
            var data = pe.GetSectionData(rva);
            if (data.Length < length)
                return null;
            return System.Text.Encoding.UTF8.GetString(data.GetReader(0, length).ReadBytes(length));
        }
        return null;
    }

    private const byte Nop = 0x00, LoadStaticFieldAddress = 0x7F;

    // ldc.i4.0 to ldc.i4.8, ldc.i4.s n, ldc.i4 n.
    private static int? ReadLength(ref BlobReader il)
    {
        if (il.RemainingBytes < 1)
            return null;
        var opcode = il.ReadByte();
        int? length = opcode switch
        {
            >= 0x16 and <= 0x1E => opcode - 0x16,
            0x1F when il.RemainingBytes >= 1 => il.ReadSByte(),
            0x20 when il.RemainingBytes >= 4 => il.ReadInt32(),
            _ => null,
        };
        return length >= 0 ? length : null;
    }

    private static string? ReadMarkdownConstant(MetadataReader metadata, TypeDefinition type)
    {
        foreach (var handle in type.GetFields())
        {
            var field = metadata.GetFieldDefinition(handle);
            if ((field.Attributes & FieldAttributes.Literal) == 0 || !metadata.StringComparer.Equals(field.Name, "Markdown"))
                continue;
            var constant = metadata.GetConstant(field.GetDefaultValue());
            if (constant.TypeCode != ConstantTypeCode.String)
                return null;
            var blob = metadata.GetBlobReader(constant.Value);
            return blob.ReadUTF16(blob.Length);
        }
        return null;
    }

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
        var firstLine = markdown.Split('\n', 2)[0];
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
