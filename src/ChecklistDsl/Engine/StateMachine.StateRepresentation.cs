namespace ChecklistDsl.Engine;

public partial class StateMachine<TState, TTrigger>
{
    private static readonly EqualityComparer<TState> StateComparer = EqualityComparer<TState>.Default;
    private static readonly EqualityComparer<TTrigger> TriggerComparer = EqualityComparer<TTrigger>.Default;

    /// <summary>What <see cref="StateConfiguration"/> records about one state.</summary>
    internal sealed class StateRepresentation(TState state)
    {
        public TState UnderlyingState { get; } = state;

        public StateRepresentation? Superstate { get; set; }

        /// <summary>Permits, reentries and ignores, in configuration order.</summary>
        public List<TriggerBehaviour> Behaviours { get; } = [];

        public List<EntryAction> EntryActions { get; } = [];

        public List<Action<Transition>> ExitActions { get; } = [];

        /// <summary>Whether <paramref name="other"/> is this state or one of its (transitive) substates.</summary>
        public bool Includes(StateRepresentation other)
        {
            for (var current = other; current is not null; current = current.Superstate)
                if (ReferenceEquals(current, this))
                    return true;
            return false;
        }

        public void Exit(Transition transition)
        {
            foreach (var action in ExitActions)
                action(transition);
        }

        /// <summary>
        /// Runs the entry actions in configuration order. On the synchronous path an asynchronous action
        /// throws, as in Stateless, so the returned task is then always already complete.
        /// </summary>
        public async Task EnterAsync(Transition transition, bool allowAsync)
        {
            foreach (var action in EntryActions)
            {
                if (action.OnlyFrom && !TriggerComparer.Equals(action.FromTrigger, transition.Trigger))
                    continue;
                if (action.Sync is not null)
                {
                    action.Sync(transition);
                }
                else if (!allowAsync)
                {
                    throw new InvalidOperationException(
                        $"Cannot execute asynchronous action specified in OnEntry event for '{UnderlyingState}' state. Use asynchronous version of Fire [FireAsync]");
                }
                else
                {
                    await action.Async!().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// An entry action: synchronous (<see cref="Sync"/>) or asynchronous (<see cref="Async"/>), for any
    /// trigger or, with <see cref="OnlyFrom"/> (<c>OnEntryFrom</c>), for <see cref="FromTrigger"/> only.
    /// </summary>
    internal sealed record EntryAction(Action<Transition>? Sync, Func<Task>? Async, bool OnlyFrom = false, TTrigger? FromTrigger = default);

    internal enum BehaviourKind { Transition, Reentry, Ignore }

    internal sealed record Guard(Func<bool> Condition, string Description);

    /// <summary>How one state handles one trigger: go somewhere (if every guard holds), re-enter, or ignore.</summary>
    internal sealed record TriggerBehaviour(TTrigger Trigger, BehaviourKind Kind, TState Destination, IReadOnlyList<Guard> Guards)
    {
        /// <summary>Evaluates every guard; returns the descriptions of those that do not hold.</summary>
        public List<string> UnmetGuards()
        {
            var unmet = new List<string>();
            foreach (var guard in Guards)
                if (!guard.Condition())
                    unmet.Add(guard.Description);
            return unmet;
        }
    }
}
