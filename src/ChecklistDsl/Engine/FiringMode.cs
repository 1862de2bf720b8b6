namespace ChecklistDsl.Engine;

/// <summary>
/// How a <see cref="StateMachine{TState, TTrigger}"/> handles a trigger fired from inside one of its
/// own actions (an entry or exit action, or a transition handler). Same names as Stateless'
/// <c>FiringMode</c>.
/// </summary>
public enum FiringMode
{
    /// <summary>The nested trigger is handled at once, in the middle of the current transition.</summary>
    Immediate,

    /// <summary>
    /// The nested trigger is queued and handled after the current transition completes, in the order
    /// fired. The default. If a transition throws, the triggers queued behind it are discarded, so that
    /// a later, unrelated <c>Fire</c> does not run them.
    /// </summary>
    Queued,
}
