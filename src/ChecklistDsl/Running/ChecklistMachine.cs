using Stateless.Graph;
using Stateless.Reflection;

namespace ChecklistDsl;

/// <summary>
/// A checklist's generated Stateless machine seen through names instead of its own enums, so that
/// tools (the runner, the CLI) can drive any checklist found in an assembly. Created by
/// <see cref="ChecklistMachines.CreateMachine"/>.
/// </summary>
public sealed class ChecklistMachine
{
    /// <summary>The state before the first step.</summary>
    public const string NotStarted = Shared.ReservedStateNames.NotStarted;
    /// <summary>Every step done.</summary>
    public const string Completed = Shared.ReservedStateNames.Completed;
    /// <summary>Stopped without (further) rollback.</summary>
    public const string Aborted = Shared.ReservedStateNames.Aborted;
    /// <summary>Every rollback procedure on the path done.</summary>
    public const string RolledBack = Shared.ReservedStateNames.RolledBack;

    private readonly IMachine _machine;

    internal ChecklistMachine(ChecklistDefinition definition, ChecklistProgress progress, IMachine machine)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Progress = progress ?? throw new ArgumentNullException(nameof(progress));
        _machine = machine ?? throw new ArgumentNullException(nameof(machine));
    }

    /// <summary>The checklist.</summary>
    public ChecklistDefinition Definition { get; }

    /// <summary>The run's progress, read by the machine's guards.</summary>
    public ChecklistProgress Progress { get; }

    /// <summary>The current state's name: a step's method name, a rollback state, or one of the constants above.</summary>
    public string State => _machine.State;

    /// <summary>The step whose state is current, or <see langword="null"/>.</summary>
    public StepDefinition? CurrentStep => Definition.Steps.FirstOrDefault(s => s.Name == State);

    /// <summary>The step being rolled back when the current state is a rollback state, or <see langword="null"/>.</summary>
    public StepDefinition? StepBeingRolledBack => Definition.Steps.FirstOrDefault(s => s.RollbackState == State);

    /// <summary>Whether the run has ended (completed, aborted or rolled back).</summary>
    public bool IsFinished => State is Completed or Aborted or RolledBack;

    /// <summary>Whether <paramref name="trigger"/> may fire now.</summary>
    public bool CanFire(ChecklistTrigger trigger) => _machine.CanFire(trigger, out _);

    /// <summary>Whether <paramref name="trigger"/> may fire now, and if not, the guards that are unmet (never null).</summary>
    public bool CanFire(ChecklistTrigger trigger, out ICollection<string> unmetGuards)
    {
        var canFire = _machine.CanFire(trigger, out var unmet);
        // Stateless reports null, not an empty list, for a trigger the state does not configure.
        unmetGuards = unmet ?? [];
        return canFire;
    }

    /// <summary>
    /// What can happen next: every trigger the current state configures, in <see cref="ChecklistTrigger"/>
    /// order, with the descriptions of its guards that are not met (empty when it may fire now).
    /// </summary>
    public IReadOnlyList<NextTrigger> NextTriggers
    {
        get
        {
            var next = new List<NextTrigger>();
            foreach (var trigger in Enum.GetValues<ChecklistTrigger>())
            {
                // Stateless gives null unmet guards for a trigger the state does not configure.
                if (_machine.CanFire(trigger, out var unmet) || unmet is { Count: > 0 })
                    next.Add(new NextTrigger(trigger, unmet is null ? [] : [.. unmet]));
            }
            return next;
        }
    }

    /// <summary>
    /// Fires a trigger. A trigger that is not permitted throws <see cref="InvalidOperationException"/>
    /// naming the unticked checks or the missing approval, or the triggers that are permitted.
    /// </summary>
    public void Fire(ChecklistTrigger trigger) => _machine.Fire(trigger);

    /// <summary>As <see cref="Fire"/>, through Stateless's <c>FireAsync</c>; a refusal names the same.</summary>
    public Task FireAsync(ChecklistTrigger trigger) => _machine.FireAsync(trigger);

    /// <summary>The machine's configuration, as Stateless describes it.</summary>
    public StateMachineInfo GetInfo() => _machine.GetInfo();

    /// <summary>The live machine as a Mermaid state diagram (Stateless's <see cref="MermaidGraph"/>).</summary>
    public string ToMermaidGraph() => MermaidGraph.Format(GetInfo());

    /// <summary>The live machine as a Graphviz DOT graph (Stateless's <see cref="UmlDotGraph"/>).</summary>
    public string ToDotGraph() => UmlDotGraph.Format(GetInfo());

    /// <summary>What <see cref="ChecklistMachine"/> needs of a typed machine.</summary>
    internal interface IMachine
    {
        string State { get; }
        bool CanFire(ChecklistTrigger trigger, out ICollection<string>? unmetGuards);
        void Fire(ChecklistTrigger trigger);
        Task FireAsync(ChecklistTrigger trigger);
        StateMachineInfo GetInfo();
    }
}

/// <summary>A trigger the current state configures, and what keeps it from firing now.</summary>
/// <param name="Trigger">The trigger.</param>
/// <param name="UnmetGuards">The descriptions of its guards that are not met; empty when it may fire now.</param>
public sealed record NextTrigger(ChecklistTrigger Trigger, IReadOnlyList<string> UnmetGuards)
{
    /// <summary>Whether it may fire now.</summary>
    public bool CanFire => UnmetGuards.Count == 0;
}
