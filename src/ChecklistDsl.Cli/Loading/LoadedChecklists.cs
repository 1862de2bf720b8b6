using System.Reflection;

namespace ChecklistDsl.Cli.Loading;

/// <summary>The checklists of a loaded assembly; disposing unloads the assembly.</summary>
internal sealed class LoadedChecklists : IDisposable
{
    private readonly ChecklistLoadContext? _context;

    public LoadedChecklists(string assemblyPath, IReadOnlyList<ChecklistDefinition> checklists, ChecklistLoadContext? context)
    {
        AssemblyPath = assemblyPath;
        Checklists = checklists;
        _context = context;
    }

    /// <summary>Where the checklists come from.</summary>
    public string AssemblyPath { get; }

    /// <summary>Every checklist of the assembly's generated catalog, in name order.</summary>
    public IReadOnlyList<ChecklistDefinition> Checklists { get; }

    /// <summary>Loads an assembly in its own context and reads its generated catalog.</summary>
    public static LoadedChecklists Load(string assemblyPath)
    {
        var path = Path.GetFullPath(assemblyPath);
        if (!File.Exists(path))
            throw new CliException($"The assembly '{path}' does not exist.");
        var context = new ChecklistLoadContext(path);
        try
        {
            var assembly = context.LoadFromAssemblyPath(path);
            var checklists = ChecklistCatalog.FromAssembly(assembly);
            return new LoadedChecklists(path, checklists, context);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException
                                      or ReflectionTypeLoadException or InvalidOperationException or TargetInvocationException
                                      or TypeInitializationException or MissingMemberException)
        {
            context.Unload();
            throw new CliException(LoadFailure(path, e));
        }
    }

    /// <summary>
    /// What went wrong, from the innermost exception (a generated class's static data is read in its
    /// type initializer). Generated code that calls a runtime member this tool's ChecklistDsl lacks was
    /// built by another version's generator: say so, and what to do.
    /// </summary>
    internal static string LoadFailure(string path, Exception e)
    {
        var cause = e;
        while (cause is TargetInvocationException or TypeInitializationException && cause.InnerException is { } inner)
            cause = inner;
        var message = $"Could not read the checklists of '{path}': {cause.Message}";
        if (cause is MissingMemberException or TypeLoadException)
        {
            var version = typeof(ChecklistCatalog).Assembly.GetName().Version;
            message += $" It was built with a ChecklistDsl generator other than this tool's runtime ({version}): rebuild it with ChecklistDsl {version}.";
        }
        return message;
    }

    /// <summary>
    /// The checklist named <paramref name="name"/>: its class name, full name or runbook name
    /// (case-insensitive); a usage error listing the known ones when there is none.
    /// </summary>
    public ChecklistDefinition Find(string name)
    {
        var found = Checklists.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? Checklists.FirstOrDefault(c => string.Equals(c.FullName, name, StringComparison.OrdinalIgnoreCase))
            ?? Checklists.FirstOrDefault(c => string.Equals(Path.GetFileNameWithoutExtension(c.RunbookFileName), name, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
            return found;
        var known = Checklists.Count == 0 ? "it has none" : "it has: " + string.Join(", ", Checklists.Select(c => c.Name));
        throw new CliException($"No checklist '{name}' in {Path.GetFileName(AssemblyPath)}; {known}. `checklist list` shows them.");
    }

    public void Dispose() => _context?.Unload();
}
