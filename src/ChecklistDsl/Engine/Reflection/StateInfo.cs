namespace ChecklistDsl.Engine.Reflection;

/// <summary>One state and the transitions configured on it.</summary>
public sealed class StateInfo
{
    internal StateInfo(object underlyingState, IReadOnlyList<TransitionInfo> transitions)
    {
        UnderlyingState = underlyingState;
        Transitions = transitions;
    }

    /// <summary>The state value.</summary>
    public object UnderlyingState { get; }

    /// <summary>The state's own transitions (permits and reentries), in configuration order.</summary>
    public IReadOnlyList<TransitionInfo> Transitions { get; }

    /// <inheritdoc />
    public override string ToString() => UnderlyingState.ToString() ?? "";
}
