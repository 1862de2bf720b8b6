using BenchmarkDotNet.Attributes;
using Stateless;

namespace ChecklistDsl.Benchmarks;

/// <summary>
/// Stateless's <c>Fire</c>, on a machine shaped as the generator shapes one for a 20-step
/// checklist: Permit for most steps, guarded PermitIf where a step has checks, a rollback state
/// per change, and an OnTransitioned handler, over external state storage. Here <c>Completed</c>
/// takes <c>Start</c> back to the first step, and the runs go round that loop.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int Steps = 20;
    private const int Start = 0, Complete = 1, Fail = 5, Abort = 6;
    private const int NotStarted = 0, Completed = Steps + 1, Aborted = Steps + 2, Rollback = Steps + 3, RolledBack = Steps + 4;

    private StateMachine<int, int> _machine = null!;
    private int _state;
    private int _transitions;

    [GlobalSetup]
    public void Setup()
    {
        _state = Completed;
        _machine = new StateMachine<int, int>(() => _state, next => _state = next);
        var ticked = true;
        _machine.Configure(NotStarted).Permit(Start, 1);
        _machine.Configure(Completed).Permit(Start, 1);
        for (var step = 1; step <= Steps; step++)
        {
            var next = step == Steps ? Completed : step + 1;
            var configuration = _machine.Configure(step);
            if (step % 3 == 0)
                configuration.PermitIf(Complete, next, () => ticked, "all checks ticked");
            else
                configuration.Permit(Complete, next);
            configuration.Permit(Fail, step > 3 ? Rollback : Aborted).Permit(Abort, Aborted);
        }
        _machine.Configure(Rollback).Permit(Complete, RolledBack).Permit(Fail, Aborted).Permit(Abort, Aborted);
        _machine.OnTransitioned(_ => _transitions++);
    }

    /// <summary>One transition: a step completes into the next (or, once round, the run restarts).</summary>
    [Benchmark]
    public int FireOnce()
    {
        _machine.Fire(_state == Completed ? Start : Complete);
        return _state;
    }

    /// <summary>A whole run: Start, then every step completes (reported per Fire).</summary>
    [Benchmark(OperationsPerInvoke = Steps + 1)]
    public int WalkToCompleted()
    {
        while (_state != Completed)
            _machine.Fire(Complete);
        _machine.Fire(Start);
        for (var i = 0; i < Steps; i++)
            _machine.Fire(Complete);
        return _state == Completed ? _transitions : throw new InvalidOperationException("The walk did not complete.");
    }
}
