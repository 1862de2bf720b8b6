using System.Reflection;
using System.Runtime.Loader;

namespace ChecklistDsl.Cli.Loading;

/// <summary>
/// A collectible load context for a checklists assembly: its dependencies resolve from its own folder
/// (its .deps.json), except ChecklistDsl itself, which is shared with the tool so that the
/// <see cref="ChecklistDefinition"/> the catalog returns is the type the tool knows.
/// </summary>
internal sealed class ChecklistLoadContext : AssemblyLoadContext
{
    private static readonly string SharedName = typeof(ChecklistDefinition).Assembly.GetName().Name!;
    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _folder;

    public ChecklistLoadContext(string assemblyPath)
        : base($"checklists:{Path.GetFileName(assemblyPath)}", isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(assemblyPath);
        _folder = Path.GetDirectoryName(assemblyPath)!;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == SharedName)
            return null; // the default context's copy
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        if (path is null)
        {
            // No .deps.json entry (an assembly copied by hand): look next to it.
            var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
            path = File.Exists(candidate) ? candidate : null;
        }
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
