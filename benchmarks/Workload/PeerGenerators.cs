using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Workload;

/// <summary>
/// The peer generators, loaded from the assemblies their packages ship (copied beside this tool at
/// build, see the project file): the LoggerMessage generator from Microsoft.Extensions.Logging.Abstractions'
/// analyzers folder, and System.Text.Json's from the SDK's targeting pack (as every net10.0 build loads it).
/// </summary>
public static class PeerGenerators
{
    /// <summary>The folder they are copied to, beside this assembly.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "peers");

    public static string LoggerMessagePath => Path.Combine(Folder, "Microsoft.Extensions.Logging.Generators.dll");

    public static string JsonPath => Path.Combine(Folder, "System.Text.Json.SourceGeneration.dll");

    public static ISourceGenerator LoggerMessage() => Load(LoggerMessagePath);

    public static ISourceGenerator Json() => Load(JsonPath);

    /// <summary>The one <c>[Generator]</c> of the assembly at <paramref name="path"/>, as the compiler would create it.</summary>
    private static ISourceGenerator Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException("The peer generator was not copied beside the workload tool; build benchmarks/Workload.", path);
        var generators = Assembly.LoadFrom(path).GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttributes(typeof(GeneratorAttribute), inherit: false).Length > 0)
            .Select(t => Activator.CreateInstance(t) switch
            {
                IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
                ISourceGenerator generator => generator,
                _ => throw new InvalidOperationException($"{t} is not a generator."),
            })
            .ToList();
        return generators.Count == 1 ? generators[0] : throw new InvalidOperationException($"{path} holds {generators.Count} generators, expected one.");
    }
}
