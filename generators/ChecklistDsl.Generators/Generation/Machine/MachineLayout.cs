using System.Collections.Generic;
using System.Linq;
using ChecklistDsl.Generators.Dsl.Model;
using ChecklistDsl.Shared;

namespace ChecklistDsl.Generators.Generation.Machine;

/// <summary>
/// A guard over one step's progress: its letter in the machine table (T checks ticked, A approved,
/// C completed, N not completed; see the runtime's <c>MachineTable</c>) and the step's index. Its
/// words (src/Shared/MachineGuards.cs) are written where the table is read: in the runbook's diagram
/// and in the runner's refusals.
/// </summary>
internal sealed record Guard(char Code, int Step);

/// <summary>One permitted transition of the machine.</summary>
internal sealed record Transition(string Trigger, string Destination, IReadOnlyList<Guard> Guards);

/// <summary>A state and, in order, the transitions that leave it.</summary>
internal sealed record MachineState(string Name, int? StepIndex, IReadOnlyList<Transition> Transitions);

/// <summary>
/// The checklist's state machine, computed once from the spec and written as the machine table, which
/// the runtime configures the Stateless machine from and the runbook's diagram is drawn from, so the
/// diagram is the machine.
/// </summary>
internal sealed class MachineLayout
{
    public const string NotStarted = ReservedStateNames.NotStarted;
    public const string Completed = ReservedStateNames.Completed;
    public const string Aborted = ReservedStateNames.Aborted;
    public const string RolledBack = ReservedStateNames.RolledBack;

    private MachineLayout(IReadOnlyList<MachineState> states, IReadOnlyList<string> rollbackStates)
    {
        States = states;
        RollbackStates = rollbackStates;
    }

    /// <summary>Every state with its transitions, in configuration order.</summary>
    public IReadOnlyList<MachineState> States { get; }

    /// <summary>For each step (by index), the state its rollback runs in, or null.</summary>
    public IReadOnlyList<string> RollbackStates { get; }

    /// <summary>The enum members: NotStarted, the steps, the rollback states, then the ends.</summary>
    public IEnumerable<string> StateNames =>
        States.Select(s => s.Name).Concat(new[] { Completed, Aborted, RolledBack });

    public static MachineLayout Create(ChecklistSpec spec)
    {
        var steps = spec.Steps;
        var rollbackStates = RollbackStateNames(spec);
        var states = new List<MachineState>
        {
            new(NotStarted, null, new[] { new Transition(TriggerNames.Start, steps[0].MethodName, Empty) }),
        };

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var next = i + 1 < steps.Count ? steps[i + 1].MethodName : Completed;
            var transitions = new List<Transition>();
            var goOn = new List<Guard>();
            if (step.Checks.Count > 0)
                goOn.Add(new Guard(MachineGuards.ChecksTicked, i));
            if (step.IsApproval)
            {
                goOn.Add(new Guard(MachineGuards.Approved, i));
                transitions.Add(new Transition(TriggerNames.Approve, next, goOn));
                transitions.AddRange(RollbackPath(TriggerNames.Reject, spec, rollbackStates, EarlierChanges(rollbackStates, i), Aborted));
            }
            else
            {
                transitions.Add(new Transition(TriggerNames.Complete, next, goOn));
            }
            if (step.MayBeSkipped)
                transitions.Add(new Transition(TriggerNames.Skip, next, Empty));
            transitions.AddRange(rollbackStates[i] is { } own
                ? new[] { new Transition(TriggerNames.Fail, own, Empty) }
                : RollbackPath(TriggerNames.Fail, spec, rollbackStates, EarlierChanges(rollbackStates, i), Aborted));
            transitions.Add(new Transition(TriggerNames.Abort, Aborted, Empty));
            states.Add(new MachineState(step.MethodName, i, transitions));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (rollbackStates[i] is not { } state)
                continue;
            var transitions = new List<Transition>();
            transitions.AddRange(RollbackPath(TriggerNames.Complete, spec, rollbackStates, EarlierChanges(rollbackStates, i), RolledBack));
            transitions.Add(new Transition(TriggerNames.Fail, Aborted, Empty));
            transitions.Add(new Transition(TriggerNames.Abort, Aborted, Empty));
            states.Add(new MachineState(state, null, transitions));
        }

        return new MachineLayout(states, rollbackStates);
    }

    private static readonly IReadOnlyList<Guard> Empty = new Guard[0];

    /// <summary>
    /// Each step's rollback state: the rollback method's name, or <c>{Rollback}For{Step}</c> when one
    /// procedure undoes several steps.
    /// </summary>
    private static string[] RollbackStateNames(ChecklistSpec spec)
    {
        var uses = spec.Steps.Where(s => s.RollbackWith is not null).GroupBy(s => s.RollbackWith!).ToDictionary(g => g.Key, g => g.Count());
        return spec.Steps
            .Select(s => s.RollbackWith is null ? null! : uses[s.RollbackWith] == 1 ? s.RollbackWith : s.RollbackWith + "For" + s.MethodName)
            .ToArray();
    }

    /// <summary>Earlier steps (before <paramref name="index"/>) that have a rollback state, newest first.</summary>
    private static IReadOnlyList<int> EarlierChanges(string[] rollbackStates, int index)
    {
        var changes = new List<int>();
        for (var j = index - 1; j >= 0; j--)
        {
            if (rollbackStates[j] is not null)
                changes.Add(j);
        }
        return changes;
    }

    /// <summary>
    /// Transitions for <paramref name="trigger"/> into the newest completed change's rollback state, or
    /// <paramref name="terminal"/> when none completed. A required step before the current one has
    /// certainly completed, so the search stops there; optional and conditional ones may have been skipped, and
    /// mutually exclusive guards over <c>progress.IsCompleted</c> choose.
    /// </summary>
    private static IEnumerable<Transition> RollbackPath(
        string trigger, ChecklistSpec spec, string[] rollbackStates, IReadOnlyList<int> candidates, string terminal)
    {
        var notEarlier = new List<Guard>();
        foreach (var j in candidates)
        {
            var step = spec.Steps[j];
            if (!step.MayBeSkipped)
            {
                yield return new Transition(trigger, rollbackStates[j], notEarlier.ToArray());
                yield break;
            }
            var completed = new Guard(MachineGuards.Completed, j);
            yield return new Transition(trigger, rollbackStates[j], notEarlier.Concat(new[] { completed }).ToArray());
            notEarlier.Add(new Guard(MachineGuards.NotCompleted, j));
        }
        yield return new Transition(trigger, terminal, notEarlier.ToArray());
    }
}
