using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ChecklistDsl.Cli.Journal;

namespace ChecklistDsl.Cli.Locking;

/// <summary>Who holds a lock: written into the lock file.</summary>
internal sealed record LockOwner(string RunId, string User, string Host, int Pid, DateTimeOffset Since)
{
    /// <summary>The current process, for a run.</summary>
    public static LockOwner Current(string runId) =>
        new(runId, Environment.UserName, Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow);

    public override string ToString() => $"run {RunId} by {User} on {Host} (pid {Pid}) since {Since:u}";
}

/// <summary>
/// One run of a checklist per target at a time: a lock file <c>locks/&lt;checklist&gt;@&lt;target&gt;.lock</c>
/// created atomically (<see cref="FileMode.CreateNew"/>) and deleted when the run process ends.
/// A lock whose process is dead on this host is stale: it is reported, with the way to clear it, and
/// only the run that left it may take it over (by resuming).
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly string _path;
    private bool _released;

    private RunLock(string path, LockOwner owner)
    {
        _path = path;
        Owner = owner;
    }

    public LockOwner Owner { get; }

    /// <summary>The lock file of a checklist and target.</summary>
    public static string PathFor(StateDirectory state, string checklist, string target) =>
        Path.Combine(state.LocksFolder, $"{Sanitize(checklist)}@{Sanitize(target)}.lock");

    /// <summary>Takes the lock or throws a <see cref="CliException"/> with exit code <see cref="ExitCodes.Locked"/> naming the holder.</summary>
    public static RunLock Acquire(StateDirectory state, string checklist, string target, LockOwner owner)
    {
        var path = PathFor(state, checklist, target);
        Directory.CreateDirectory(state.LocksFolder);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                var holder = ReadOwner(path);
                var stale = holder is not null && IsStale(holder);
                // The run that left a stale lock behind (it crashed) takes it over when it is resumed.
                if (stale && holder!.RunId == owner.RunId && attempt == 0)
                {
                    File.Delete(path);
                    continue;
                }
                throw new CliException(Describe(path, checklist, target, holder, stale), ExitCodes.Locked);
            }
            try
            {
                using (stream)
                {
                    stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(owner, JournalJson.Options)));
                    stream.Flush(flushToDisk: true);
                }
            }
            catch (IOException)
            {
                // Our own lock, half written (a full disk): leave no lock file that names nobody.
                TryDelete(path);
                throw;
            }
            return new RunLock(path, owner);
        }
        throw new CliException($"Could not take the lock {path}.", ExitCodes.Locked);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reported by the caller's own error; a lock that names nobody is reported as such later.
        }
    }

    /// <summary>The owner written in a lock file, or <see langword="null"/> if it cannot be read.</summary>
    public static LockOwner? ReadOwner(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LockOwner>(File.ReadAllText(path), JournalJson.Options);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the owner's process is known to be gone: same host and the pid is dead (or reused since).</summary>
    public static bool IsStale(LockOwner owner)
    {
        if (!string.Equals(owner.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
            return false; // Another host's process cannot be checked from here.
        try
        {
            using var process = Process.GetProcessById(owner.Pid);
            if (process.HasExited)
                return true;
            try
            {
                // A process that started after the lock was taken reuses a dead owner's pid.
                return process.StartTime.ToUniversalTime() > owner.Since.UtcDateTime.AddSeconds(2);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                return false;
            }
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>Whether the lock is held by a live process (for <c>status</c>).</summary>
    public static LockOwner? LiveOwner(StateDirectory state, string checklist, string target)
    {
        var path = PathFor(state, checklist, target);
        if (!File.Exists(path))
            return null;
        var owner = ReadOwner(path);
        return owner is not null && !IsStale(owner) ? owner : null;
    }

    private static string Describe(string path, string checklist, string target, LockOwner? holder, bool stale)
    {
        // Pasteable from the folder the operator is in: the state folder is named when it is not ./.checklist.
        // A run id is found from any folder through its journal; a lock whose run left no journal (it died
        // before writing its header) is named by checklist, target and state folder.
        var root = Path.GetDirectoryName(Path.GetDirectoryName(path))!;
        var byRun = holder is not null && File.Exists(Path.Combine(root, "runs", holder.RunId + ".jsonl"));
        var unlock = byRun ? $"checklist unlock {holder!.RunId}" : $"checklist unlock {checklist} --target {target}";
        if (!byRun && root != StateDirectory.At(null).Root)
            unlock += $" --state-dir '{root.Replace("'", "'\\''")}'";
        if (holder is null)
            return $"The checklist '{checklist}' is locked for target '{target}' by an unreadable lock file {path}. " +
                   $"If no run is going on, clear it with `{unlock}` or delete that file.";
        if (stale)
            return $"A stale lock is left on '{checklist}' for target '{target}': {holder}, and that process is no longer running. " +
                   $"Resume that run with `checklist resume {holder.RunId}`, or clear the lock with `{unlock}` (or delete {path}).";
        return $"The checklist '{checklist}' is already running against target '{target}': {holder}. " +
               $"Wait for it to end; the lock is {path}.";
    }

    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = name.Select(c => invalid.Contains(c) || c is '@' or '/' or '\\' or ':' ? '_' : c).ToArray();
        return new string(chars);
    }

    /// <summary>Deletes the lock file (once).</summary>
    public void Dispose()
    {
        if (_released)
            return;
        _released = true;
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // A lock that cannot be deleted is reported as stale by the next run, with how to clear it.
        }
    }
}
