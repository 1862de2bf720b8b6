using System.Reflection;
using System.Runtime.Loader;

namespace ChecklistDsl.Cli.Loading;

/// <summary>
/// A collectible load context for a checklists assembly: its dependencies resolve from its own folder
/// (its .deps.json), except ChecklistDsl and Stateless, which are shared with the tool: the
/// <see cref="ChecklistDefinition"/> the catalog returns and the machines it creates are the types the
/// tool knows, and a class library's build output, which holds neither, loads as well as an app's.
/// </summary>
internal sealed class ChecklistLoadContext : AssemblyLoadContext
{
    private static readonly string[] SharedNames =
        [typeof(ChecklistDefinition).Assembly.GetName().Name!, typeof(Stateless.StateMachine<,>).Assembly.GetName().Name!];
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
        if (Array.IndexOf(SharedNames, assemblyName.Name) >= 0)
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
