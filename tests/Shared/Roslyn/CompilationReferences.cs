using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Tests.Shared;

/// <summary>
/// What a checklists project compiles against: .NET's reference assemblies, ChecklistDsl and Stateless.
/// The framework comes from the SDK's targeting pack on disk (its folder is recorded at build time, see
/// tests/Directory.Build.props): nothing is downloaded, so a clean machine with no network but the
/// package feed compiles the same way.
/// </summary>
internal static class CompilationReferences
{
    /// <summary>The targeting pack's ref/net10.0 folder the test project was built against.</summary>
    public static string FrameworkFolder { get; } = FindFrameworkFolder();

    /// <summary>.NET's reference assemblies, created once (they are costly).</summary>
    public static ImmutableArray<MetadataReference> Framework { get; } =
        [.. Directory.GetFiles(FrameworkFolder, "*.dll").Order(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];

    /// <summary>The framework plus ChecklistDsl.dll and Stateless.dll (which the generated code uses).</summary>
    public static ImmutableArray<MetadataReference> Checklists { get; } =
    [
        .. Framework,
        MetadataReference.CreateFromFile(typeof(ChecklistDefinition).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Stateless.StateMachine<,>).Assembly.Location),
    ];

    private static string FindFrameworkFolder()
    {
        var folder = typeof(CompilationReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "FrameworkReferenceAssemblies")?.Value;
        if (folder is null || !File.Exists(Path.Combine(folder, "System.Runtime.dll")))
            throw new InvalidOperationException($"No .NET reference assemblies at '{folder}': the SDK's targeting pack (packs/Microsoft.NETCore.App.Ref) is missing or moved; rebuild the tests.");
        return folder;
    }
}
