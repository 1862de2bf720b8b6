namespace ChecklistDsl.Engine.Reflection;

/// <summary>A description of a state machine's configuration, from <c>StateMachine.GetInfo()</c>.</summary>
public sealed class StateMachineInfo
{
    internal StateMachineInfo(StateInfo initialState, IReadOnlyList<StateInfo> states)
    {
        InitialState = initialState;
        States = states;
    }

    /// <summary>The state the machine started in.</summary>
    public StateInfo InitialState { get; }

    /// <summary>Every state: configured states in the order first configured, then states only named as destinations.</summary>
    public IReadOnlyList<StateInfo> States { get; }
}
