using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Locking;

namespace ChecklistDsl.Cli.Tests.Locking;

[TestClass]
public sealed class RunLockTests
{
    private string _root = "";
    private StateDirectory _state = null!;

    [TestInitialize]
    public void Create()
    {
        _root = Path.Combine(Path.GetTempPath(), $"locks-{Guid.NewGuid():N}");
        _state = StateDirectory.At(_root);
    }

    [TestCleanup]
    public void Delete()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [TestMethod]
    public void A_held_lock_refuses_a_second_run_of_the_same_target_naming_its_owner_and_is_released_on_dispose()
    {
        using (RunLock.Acquire(_state, "Deploy", "prod", LockOwner.Current("run-1")))
        {
            var error = Assert.ThrowsExactly<CliException>(() => RunLock.Acquire(_state, "Deploy", "prod", LockOwner.Current("run-2")));
            using var other = RunLock.Acquire(_state, "Deploy", "staging", LockOwner.Current("run-3"));

            Assert.AreEqual(ExitCodes.Locked, error.ExitCode);
            Assert.Contains("run run-1", error.Message);
            Assert.Contains($"pid {Environment.ProcessId}", error.Message);
            Assert.Contains(Environment.MachineName, error.Message);
        }

        using var again = RunLock.Acquire(_state, "Deploy", "prod", LockOwner.Current("run-4"));
        Assert.AreEqual("run-4", again.Owner.RunId);
    }

    [TestMethod]
    public void A_stale_lock_is_reported_with_the_command_to_clear_it_and_only_its_own_run_takes_it_over()
    {
        var dead = new LockOwner("run-1", "someone", Environment.MachineName, int.MaxValue - 1000, DateTimeOffset.UtcNow.AddMinutes(-5));
        Directory.CreateDirectory(_state.LocksFolder);
        File.WriteAllText(RunLock.PathFor(_state, "Deploy", "prod"), System.Text.Json.JsonSerializer.Serialize(dead, JournalJson.Options));

        var error = Assert.ThrowsExactly<CliException>(() => RunLock.Acquire(_state, "Deploy", "prod", LockOwner.Current("run-2")));
        using var takenOver = RunLock.Acquire(_state, "Deploy", "prod", LockOwner.Current("run-1"));

        Assert.AreEqual(ExitCodes.Locked, error.ExitCode);
        Assert.Contains("stale lock", error.Message);
        Assert.Contains("checklist unlock Deploy --target prod", error.Message, "run-1 left no journal: the lock is named by checklist and target");
        Assert.Contains("checklist resume run-1", error.Message);
        Assert.AreEqual(Environment.ProcessId, RunLock.ReadOwner(RunLock.PathFor(_state, "Deploy", "prod"))!.Pid);
    }

    [TestMethod]
    public void A_lock_of_another_host_is_never_called_stale()
    {
        Assert.IsFalse(RunLock.IsStale(new LockOwner("r", "u", "some-other-host", int.MaxValue - 1000, DateTimeOffset.UtcNow)));
        Assert.IsTrue(RunLock.IsStale(new LockOwner("r", "u", Environment.MachineName, int.MaxValue - 1000, DateTimeOffset.UtcNow)));
        Assert.IsFalse(RunLock.IsStale(LockOwner.Current("r")));
    }
}
