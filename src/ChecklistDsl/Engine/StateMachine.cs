using ChecklistDsl.Engine.Reflection;

namespace ChecklistDsl.Engine;

/// <summary>
/// The built-in state machine engine: the subset of the Stateless library's
/// <c>StateMachine&lt;TState, TTrigger&gt;</c> that generated checklist code calls, with the same
/// names, overloads, exceptions, messages and order of actions, so the same generated code compiles
/// against either.
/// </summary>
/// <remarks>
/// Not thread-safe, by design (as Stateless): a machine may not be used by several threads at once.
/// </remarks>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
public partial class StateMachine<TState, TTrigger>
{
    private readonly List<StateRepresentation> _representations = [];
    private readonly List<StateRepresentation> _configured = [];
    private readonly List<Action<Transition>> _onTransitioned = [];
    private readonly List<Action<Transition>> _onTransitionCompleted = [];
    private readonly Queue<TTrigger> _queue = new();
    private readonly FiringMode _firingMode;
    private readonly Action<TState>? _stateMutator;
    private readonly TState _initialState;
    private Action<TState, TTrigger>? _onUnhandledTrigger;
    private TState _state;
    private bool _firing;

    /// <summary>Creates a machine that holds its own state, starting in <paramref name="initialState"/>, in <see cref="FiringMode.Queued"/> mode.</summary>
    public StateMachine(TState initialState)
        : this(initialState, FiringMode.Queued)
    {
    }

    /// <summary>Creates a machine that holds its own state, starting in <paramref name="initialState"/>.</summary>
    public StateMachine(TState initialState, FiringMode firingMode)
    {
        _initialState = _state = initialState;
        _firingMode = firingMode;
    }

    /// <summary>Creates a machine over external state storage, in <see cref="FiringMode.Queued"/> mode.</summary>
    /// <param name="stateAccessor">Read once, here, for the starting state.</param>
    /// <param name="stateMutator">Called with the new state on every transition.</param>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
        : this(stateAccessor, stateMutator, FiringMode.Queued)
    {
    }

    /// <summary>Creates a machine over external state storage.</summary>
    /// <param name="stateAccessor">Read once, here, for the starting state; the machine then tracks the state itself.</param>
    /// <param name="stateMutator">Called with the new state on every transition, after the exit actions and before the transition handlers.</param>
    /// <param name="firingMode">How a trigger fired from inside an action is handled.</param>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator, FiringMode firingMode)
    {
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        _initialState = _state = stateAccessor();
        _stateMutator = stateMutator;
        _firingMode = firingMode;
    }

    /// <summary>The current state.</summary>
    public TState State => _state;

    /// <summary>Begins (or continues) the configuration of <paramref name="state"/>.</summary>
    public StateConfiguration Configure(TState state)
    {
        var representation = GetRepresentation(state);
        if (!_configured.Contains(representation))
            _configured.Add(representation);
        return new StateConfiguration(this, representation);
    }

    /// <summary>
    /// Fires <paramref name="trigger"/>: runs the transition it leads to from the current state (exit
    /// actions, state change, transition handlers, entry actions, completion handlers).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The trigger is not permitted here, or its guards are unmet (unless <see cref="OnUnhandledTrigger"/>
    /// is set); more than one guard holds; or the state entered has an asynchronous entry action.
    /// </exception>
    public void Fire(TTrigger trigger)
    {
        // The synchronous path never awaits an incomplete task (an asynchronous entry action throws
        // instead), so the task is complete here and GetResult rethrows the original exception.
        var firing = FireCoreAsync(trigger, allowAsync: false);
        firing.GetAwaiter().GetResult();
    }

    /// <summary>As <see cref="Fire"/>, awaiting asynchronous entry actions.</summary>
    public Task FireAsync(TTrigger trigger) => FireCoreAsync(trigger, allowAsync: true);

    /// <summary>Whether <paramref name="trigger"/> may fire now: it is permitted (or ignored) here and its guards hold.</summary>
    /// <exception cref="InvalidOperationException">More than one guard for the trigger holds.</exception>
    public bool CanFire(TTrigger trigger) => CanFire(trigger, out _);

    /// <summary>
    /// Whether <paramref name="trigger"/> may fire now; when it may not, <paramref name="unmetGuards"/>
    /// lists the descriptions of the guards that do not hold (empty, never null, when the trigger is
    /// not configured at all or may fire).
    /// </summary>
    /// <exception cref="InvalidOperationException">More than one guard for the trigger holds.</exception>
    public bool CanFire(TTrigger trigger, out ICollection<string> unmetGuards)
    {
        var found = FindHandler(trigger);
        unmetGuards = found.UnmetGuards;
        return found.Behaviour is not null;
    }

    /// <summary>Whether the current state is <paramref name="state"/> or one of its substates.</summary>
    public bool IsInState(TState state)
    {
        for (var current = GetRepresentation(_state); current is not null; current = current.Superstate)
            if (StateComparer.Equals(current.UnderlyingState, state))
                return true;
        return false;
    }

    /// <summary>Adds a handler called on every transition, after the state changes and before the entry actions.</summary>
    public void OnTransitioned(Action<Transition> onTransitionAction)
    {
        ArgumentNullException.ThrowIfNull(onTransitionAction);
        _onTransitioned.Add(onTransitionAction);
    }

    /// <summary>Adds a handler called on every transition, after the entry actions.</summary>
    public void OnTransitionCompleted(Action<Transition> onTransitionAction)
    {
        ArgumentNullException.ThrowIfNull(onTransitionAction);
        _onTransitionCompleted.Add(onTransitionAction);
    }

    /// <summary>
    /// Sets the action called, instead of throwing, when a trigger is not permitted in the current state
    /// or its guards are unmet. Replaces any earlier one.
    /// </summary>
    public void OnUnhandledTrigger(Action<TState, TTrigger> unhandledTriggerAction)
    {
        ArgumentNullException.ThrowIfNull(unhandledTriggerAction);
        _onUnhandledTrigger = unhandledTriggerAction;
    }

    /// <summary>
    /// Describes the configuration: the initial state (the one the machine started in), every state
    /// (configured states in the order first configured, then states only named as destinations), and
    /// each state's own transitions in configuration order (ignored triggers are not transitions).
    /// </summary>
    public StateMachineInfo GetInfo()
    {
        var states = new List<StateRepresentation>(_configured);
        void Add(TState state)
        {
            var representation = GetRepresentation(state);
            if (!states.Contains(representation))
                states.Add(representation);
        }
        Add(_initialState);
        foreach (var behaviour in _configured.SelectMany(s => s.Behaviours))
            Add(behaviour.Destination);

        var infos = states.Select(s => new StateInfo(
            s.UnderlyingState!,
            [.. s.Behaviours
                .Where(b => b.Kind != BehaviourKind.Ignore)
                .Select(b => new TransitionInfo(b.Trigger!, b.Destination!, [.. b.Guards.Select(g => g.Description)]))])).ToList();
        return new StateMachineInfo(infos[states.IndexOf(GetRepresentation(_initialState))], infos);
    }

    /// <summary>The representation of <paramref name="state"/>, created empty if it is not configured.</summary>
    private StateRepresentation GetRepresentation(TState state)
    {
        foreach (var representation in _representations)
            if (StateComparer.Equals(representation.UnderlyingState, state))
                return representation;
        var created = new StateRepresentation(state);
        _representations.Add(created);
        return created;
    }
}
