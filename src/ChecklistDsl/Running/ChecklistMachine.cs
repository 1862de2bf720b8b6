namespace ChecklistDsl;

/// <summary>
/// A checklist's generated state machine seen through names instead of its own enums, so that tools
/// (the runner, the CLI) can drive any checklist found in an assembly. Created by
/// <see cref="ChecklistDefinition.CreateMachine"/>.
/// </summary>
public sealed class ChecklistMachine
{
    /// <summary>The state before the first step.</summary>
    public const string NotStarted = "NotStarted";
    /// <summary>Every step done.</summary>
    public const string Completed = "Completed";
    /// <summary>Stopped without (further) rollback.</summary>
    public const string Aborted = "Aborted";
    /// <summary>Every rollback procedure on the path done.</summary>
    public const string RolledBack = "RolledBack";

    private readonly Func<string> _state;
    private readonly CanFireFunc _canFire;
    private readonly Action<ChecklistTrigger> _fire;

    /// <summary>The shape of a machine's <c>CanFire(trigger, out unmetGuards)</c>.</summary>
    public delegate bool CanFireFunc(ChecklistTrigger trigger, out ICollection<string> unmetGuards);

    /// <summary>Wraps a generated machine; generated code calls this.</summary>
    public ChecklistMachine(ChecklistDefinition definition, ChecklistProgress progress, Func<string> state, CanFireFunc canFire, Action<ChecklistTrigger> fire)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Progress = progress ?? throw new ArgumentNullException(nameof(progress));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _canFire = canFire ?? throw new ArgumentNullException(nameof(canFire));
        _fire = fire ?? throw new ArgumentNullException(nameof(fire));
    }

    /// <summary>The checklist.</summary>
    public ChecklistDefinition Definition { get; }

    /// <summary>The run's progress, read by the machine's guards.</summary>
    public ChecklistProgress Progress { get; }

    /// <summary>The current state's name: a step's method name, a rollback state, or one of the constants above.</summary>
    public string State => _state();

    /// <summary>The step whose state is current, or <see langword="null"/>.</summary>
    public StepDefinition? CurrentStep => Definition.Steps.FirstOrDefault(s => s.Name == State);

    /// <summary>The step being rolled back when the current state is a rollback state, or <see langword="null"/>.</summary>
    public StepDefinition? StepBeingRolledBack => Definition.Steps.FirstOrDefault(s => s.RollbackState == State);

    /// <summary>Whether the run has ended (completed, aborted or rolled back).</summary>
    public bool IsFinished => State is Completed or Aborted or RolledBack;

    /// <summary>Whether <paramref name="trigger"/> may fire now.</summary>
    public bool CanFire(ChecklistTrigger trigger) => _canFire(trigger, out _);

    /// <summary>Whether <paramref name="trigger"/> may fire now, and if not, the guards that are unmet (never null).</summary>
    public bool CanFire(ChecklistTrigger trigger, out ICollection<string> unmetGuards)
    {
        var canFire = _canFire(trigger, out unmetGuards);
        // Stateless reports null, not an empty list, for a trigger the state does not configure.
        unmetGuards ??= [];
        return canFire;
    }

    /// <summary>Fires a trigger; throws <see cref="InvalidOperationException"/> when it is not permitted.</summary>
    public void Fire(ChecklistTrigger trigger) => _fire(trigger);
}
