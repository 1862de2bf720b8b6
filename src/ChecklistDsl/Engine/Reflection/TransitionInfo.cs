namespace ChecklistDsl.Engine.Reflection;

/// <summary>One configured transition: a trigger, where it leads, and the guards it needs.</summary>
public sealed class TransitionInfo
{
    internal TransitionInfo(object trigger, object destinationState, IReadOnlyList<string> guardDescriptions)
    {
        Trigger = trigger;
        DestinationState = destinationState;
        GuardDescriptions = guardDescriptions;
    }

    /// <summary>The trigger value.</summary>
    public object Trigger { get; }

    /// <summary>The destination state value (the state itself for a reentry).</summary>
    public object DestinationState { get; }

    /// <summary>The descriptions of the guards that must all hold; empty when unguarded.</summary>
    public IReadOnlyList<string> GuardDescriptions { get; }
}
