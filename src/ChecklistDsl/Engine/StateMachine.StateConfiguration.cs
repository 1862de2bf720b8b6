namespace ChecklistDsl.Engine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>
    /// Configures one state: the triggers it permits, re-enters on or ignores, its entry and exit
    /// actions and its superstate. Every method returns this configuration, for chaining.
    /// </summary>
    public sealed class StateConfiguration
    {
        private const string DefaultGuardDescription = "Function";

        private readonly StateMachine<TState, TTrigger> _machine;
        private readonly StateRepresentation _representation;

        internal StateConfiguration(StateMachine<TState, TTrigger> machine, StateRepresentation representation)
        {
            _machine = machine;
            _representation = representation;
        }

        /// <summary>Moves to <paramref name="destinationState"/> when <paramref name="trigger"/> fires.</summary>
        /// <exception cref="ArgumentException"><paramref name="destinationState"/> is the state being configured.</exception>
        public StateConfiguration Permit(TTrigger trigger, TState destinationState) =>
            AddTransition(trigger, destinationState, []);

        /// <summary>
        /// Moves to <paramref name="destinationState"/> when <paramref name="trigger"/> fires and
        /// <paramref name="guard"/> returns true. Guards are evaluated on every <c>Fire</c> and
        /// <c>CanFire</c>: keep them free of side effects, and mutually exclusive among the guards of
        /// one trigger in one state.
        /// </summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="destinationState">Where to go.</param>
        /// <param name="guard">The condition.</param>
        /// <param name="guardDescription">How the guard is named in errors and graphs; by default the guard method's name, or "Function" for a lambda.</param>
        /// <exception cref="ArgumentException"><paramref name="destinationState"/> is the state being configured.</exception>
        public StateConfiguration PermitIf(TTrigger trigger, TState destinationState, Func<bool> guard, string? guardDescription = null)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return AddTransition(trigger, destinationState, [CreateGuard(guard, guardDescription)]);
        }

        /// <summary>
        /// Moves to <paramref name="destinationState"/> when <paramref name="trigger"/> fires and every
        /// guard returns true. Each guard comes with its description (null: the default, as in the other overload).
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="destinationState"/> is the state being configured.</exception>
        public StateConfiguration PermitIf(TTrigger trigger, TState destinationState, params Tuple<Func<bool>, string>[] guards)
        {
            ArgumentNullException.ThrowIfNull(guards);
            var converted = new Guard[guards.Length];
            for (var i = 0; i < guards.Length; i++)
            {
                if (guards[i]?.Item1 is not { } condition)
                    throw new ArgumentException($"Guard {i} is null.", nameof(guards));
                converted[i] = CreateGuard(condition, guards[i].Item2);
            }
            return AddTransition(trigger, destinationState, converted);
        }

        /// <summary>Leaves and re-enters this state (running its exit and entry actions) when <paramref name="trigger"/> fires.</summary>
        public StateConfiguration PermitReentry(TTrigger trigger)
        {
            _representation.Behaviours.Add(new TriggerBehaviour(trigger, BehaviourKind.Reentry, _representation.UnderlyingState, []));
            return this;
        }

        /// <summary>Accepts <paramref name="trigger"/> in this state and does nothing: no actions, no handlers.</summary>
        public StateConfiguration Ignore(TTrigger trigger)
        {
            _representation.Behaviours.Add(new TriggerBehaviour(trigger, BehaviourKind.Ignore, _representation.UnderlyingState, []));
            return this;
        }

        /// <summary>Runs <paramref name="entryAction"/> whenever this state is entered.</summary>
        /// <param name="entryAction">The action.</param>
        /// <param name="entryActionDescription">Accepted for compatibility with Stateless; not shown anywhere.</param>
        public StateConfiguration OnEntry(Action entryAction, string? entryActionDescription = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            _representation.EntryActions.Add(new EntryAction(_ => entryAction(), null));
            return this;
        }

        /// <summary>Runs <paramref name="entryAction"/> with the transition whenever this state is entered.</summary>
        /// <param name="entryAction">The action.</param>
        /// <param name="entryActionDescription">Accepted for compatibility with Stateless; not shown anywhere.</param>
        public StateConfiguration OnEntry(Action<Transition> entryAction, string? entryActionDescription = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            _representation.EntryActions.Add(new EntryAction(entryAction, null));
            return this;
        }

        /// <summary>
        /// Awaits <paramref name="entryAction"/> whenever this state is entered. Only <c>FireAsync</c>
        /// can run it: entering the state through <c>Fire</c> throws <see cref="InvalidOperationException"/>.
        /// </summary>
        /// <param name="entryAction">The action.</param>
        /// <param name="entryActionDescription">Accepted for compatibility with Stateless; not shown anywhere.</param>
        public StateConfiguration OnEntryAsync(Func<Task> entryAction, string? entryActionDescription = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            _representation.EntryActions.Add(new EntryAction(null, entryAction));
            return this;
        }

        /// <summary>Runs <paramref name="entryAction"/> when this state is entered because <paramref name="trigger"/> fired.</summary>
        /// <param name="trigger">The trigger the action is for.</param>
        /// <param name="entryAction">The action.</param>
        /// <param name="entryActionDescription">Accepted for compatibility with Stateless; not shown anywhere.</param>
        public StateConfiguration OnEntryFrom(TTrigger trigger, Action<Transition> entryAction, string? entryActionDescription = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            _representation.EntryActions.Add(new EntryAction(entryAction, null, OnlyFrom: true, FromTrigger: trigger));
            return this;
        }

        /// <summary>Runs <paramref name="exitAction"/> with the transition whenever this state is left.</summary>
        /// <param name="exitAction">The action.</param>
        /// <param name="exitActionDescription">Accepted for compatibility with Stateless; not shown anywhere.</param>
        public StateConfiguration OnExit(Action<Transition> exitAction, string? exitActionDescription = null)
        {
            ArgumentNullException.ThrowIfNull(exitAction);
            _representation.ExitActions.Add(exitAction);
            return this;
        }

        /// <summary>
        /// Makes this state a substate of <paramref name="superstate"/>: a trigger this state does not
        /// handle is handled by the superstate, <c>IsInState(superstate)</c> is true here, and moving
        /// between substates of one superstate neither exits nor enters the superstate.
        /// </summary>
        /// <exception cref="ArgumentException">The configuration would be cyclic, or this state already has another superstate.</exception>
        public StateConfiguration SubstateOf(TState superstate)
        {
            var super = _machine.GetRepresentation(superstate);
            if (_representation.Includes(super))
                throw new ArgumentException(
                    $"Configuring {_representation.UnderlyingState} as a substate of {superstate} creates an illegal cyclic configuration.", nameof(superstate));
            if (_representation.Superstate is { } existing && !ReferenceEquals(existing, super))
                throw new ArgumentException(
                    $"State '{_representation.UnderlyingState}' is already a substate of '{existing.UnderlyingState}'; a state has one superstate.", nameof(superstate));
            _representation.Superstate = super;
            return this;
        }

        private StateConfiguration AddTransition(TTrigger trigger, TState destinationState, IReadOnlyList<Guard> guards)
        {
            if (StateComparer.Equals(destinationState, _representation.UnderlyingState))
                throw new ArgumentException(
                    "Permit() (and PermitIf()) require that the destination state is not equal to the source state. To accept a trigger without changing state, use either Ignore() or PermitReentry().");
            _representation.Behaviours.Add(new TriggerBehaviour(trigger, BehaviourKind.Transition, destinationState, guards));
            return this;
        }

        /// <summary>As Stateless: the given description, else the guard method's name, else "Function" for a lambda.</summary>
        private static Guard CreateGuard(Func<bool> condition, string? description) =>
            new(condition, description ?? (condition.Method.Name.Contains('<', StringComparison.Ordinal) ? DefaultGuardDescription : condition.Method.Name));
    }
}
