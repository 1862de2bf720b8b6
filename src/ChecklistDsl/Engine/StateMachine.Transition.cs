namespace ChecklistDsl.Engine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>A transition being made: passed to exit and entry actions and to transition handlers.</summary>
    public sealed class Transition
    {
        internal Transition(TState source, TState destination, TTrigger trigger)
        {
            Source = source;
            Destination = destination;
            Trigger = trigger;
        }

        /// <summary>The state left.</summary>
        public TState Source { get; }

        /// <summary>The state entered.</summary>
        public TState Destination { get; }

        /// <summary>The trigger that caused the transition.</summary>
        public TTrigger Trigger { get; }

        /// <summary>Whether the transition leaves and re-enters the same state.</summary>
        public bool IsReentry => StateComparer.Equals(Source, Destination);

        /// <summary>The trigger's parameters: always empty here (parameterised triggers are not part of the subset), never null.</summary>
        public object[] Parameters { get; } = [];
    }
}
