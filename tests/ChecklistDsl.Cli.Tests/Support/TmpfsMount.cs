using System.Diagnostics;

namespace ChecklistDsl.Cli.Tests.Support;

/// <summary>
/// A tmpfs mounted on a folder, to make a real read-only or full file system: it needs root and a
/// working mount, which <see cref="TryMount"/> reports instead of failing.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs with the given options (e.g. "size=64k", "ro") on the folder, or says why not.</summary>
    public static TmpfsMount? TryMount(string path, string options, out string whyNot)
    {
        whyNot = "";
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            whyNot = "mounting a tmpfs needs Linux and root";
            return null;
        }
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        if (code != 0)
        {
            whyNot = "mount failed: " + output;
            return null;
        }
        return new TmpfsMount(path);
    }

    /// <summary>Writes zeros into a file on the mount until the file system is full.</summary>
    public void Fill()
    {
        using var stream = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }
    }

    /// <summary>Frees the space <see cref="Fill"/> took.</summary>
    public void Free() => File.Delete(System.IO.Path.Combine(Path, "filler"));

    public void Dispose() => Run("umount", "-l", Path);

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
