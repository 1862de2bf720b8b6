namespace ChecklistDsl.Engine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>The behaviour that handles a trigger, the state that configured it, or the guards that failed.</summary>
    private readonly record struct HandlerSearch(TriggerBehaviour? Behaviour, StateRepresentation? Owner, List<string> UnmetGuards, bool Configured);

    /// <summary>One path for <c>Fire</c> and <c>FireAsync</c>: with <paramref name="allowAsync"/> false it completes synchronously.</summary>
    private async Task FireCoreAsync(TTrigger trigger, bool allowAsync)
    {
        if (_firingMode == FiringMode.Immediate)
        {
            await FireOneAsync(trigger, allowAsync).ConfigureAwait(false);
            return;
        }

        _queue.Enqueue(trigger);
        if (_firing)
            return; // Fired from inside an action: runs once the current transition completes.
        _firing = true;
        try
        {
            while (_queue.TryDequeue(out var next))
                await FireOneAsync(next, allowAsync).ConfigureAwait(false);
        }
        catch
        {
            _queue.Clear();
            throw;
        }
        finally
        {
            _firing = false;
        }
    }

    private async Task FireOneAsync(TTrigger trigger, bool allowAsync)
    {
        var search = FindHandler(trigger);
        if (search.Behaviour is not { } behaviour)
        {
            HandleUnhandled(trigger, search);
            return;
        }
        if (behaviour.Kind == BehaviourKind.Ignore)
            return;

        var source = GetRepresentation(_state);
        var destinationState = behaviour.Kind == BehaviourKind.Reentry ? search.Owner!.UnderlyingState : behaviour.Destination;
        var destination = GetRepresentation(destinationState);
        var transition = new Transition(source.UnderlyingState, destinationState, trigger);
        var reenter = behaviour.Kind == BehaviourKind.Reentry || transition.IsReentry;

        // Exit from the source up to (not including) the nearest state that also contains the
        // destination; a reentry also exits the re-entered state itself.
        for (var exiting = source; exiting is not null; exiting = exiting.Superstate)
        {
            if (!reenter && exiting.Includes(destination))
                break;
            if (reenter && ReferenceEquals(exiting, destination) && !ReferenceEquals(source, destination))
            {
                // A superstate's reentry fired from a substate: as in Stateless, from here on the
                // transition is the superstate's own reentry.
                transition = new Transition(destinationState, destinationState, trigger);
            }
            exiting.Exit(transition);
            if (ReferenceEquals(exiting, destination))
                break;
        }

        _state = destinationState;
        _stateMutator?.Invoke(destinationState);

        foreach (var handler in _onTransitioned)
            handler(transition);

        // Enter outermost first, from below the nearest state that contains the source.
        var entering = new List<StateRepresentation>();
        if (reenter)
            entering.Add(destination);
        else
            for (var state = destination; state is not null && !state.Includes(source); state = state.Superstate)
                entering.Add(state);
        for (var i = entering.Count - 1; i >= 0; i--)
            await entering[i].EnterAsync(transition, allowAsync).ConfigureAwait(false);

        foreach (var handler in _onTransitionCompleted)
            handler(transition);
    }

    /// <summary>
    /// Finds how the current state handles <paramref name="trigger"/>: its own behaviours first, then
    /// its superstates'. Every guard of the trigger in a state is evaluated.
    /// </summary>
    /// <exception cref="InvalidOperationException">More than one behaviour's guards hold in one state.</exception>
    private HandlerSearch FindHandler(TTrigger trigger)
    {
        var unmet = new List<string>();
        var configured = false;
        for (var state = GetRepresentation(_state); state is not null; state = state.Superstate)
        {
            TriggerBehaviour? passing = null;
            foreach (var behaviour in state.Behaviours)
            {
                if (!TriggerComparer.Equals(behaviour.Trigger, trigger))
                    continue;
                configured = true;
                var failed = behaviour.UnmetGuards();
                if (failed.Count == 0)
                {
                    if (passing is not null)
                        throw new InvalidOperationException(
                            $"Multiple permitted exit transitions are configured from state '{state.UnderlyingState}' for trigger '{trigger}'. Guard clauses must be mutually exclusive.");
                    passing = behaviour;
                }
                foreach (var description in failed)
                    if (!unmet.Contains(description))
                        unmet.Add(description);
            }
            if (passing is not null)
                return new HandlerSearch(passing, state, [], true);
        }
        return new HandlerSearch(null, null, unmet, configured);
    }

    private void HandleUnhandled(TTrigger trigger, HandlerSearch search)
    {
        if (_onUnhandledTrigger is { } action)
        {
            action(_state, trigger);
            return;
        }
        if (search.UnmetGuards.Count > 0)
            throw new InvalidOperationException(
                $"Trigger '{trigger}' is valid for transition from state '{_state}' but a guard conditions are not met. Guard descriptions: '{string.Join(", ", search.UnmetGuards)}'.");
        throw new InvalidOperationException(
            $"No valid leaving transitions are permitted from state '{_state}' for trigger '{trigger}'. Consider ignoring the trigger.");
    }
}
