namespace ChecklistDsl;

/// <summary>One permitted transition of a <see cref="MachineTable"/>.</summary>
public sealed class MachineTransition
{
    internal MachineTransition(int source, ChecklistTrigger trigger, int destination, IReadOnlyList<MachineGuard> guards)
    {
        Source = source;
        Trigger = trigger;
        Destination = destination;
        Guards = guards;
    }

    /// <summary>The state it leaves: a value of the checklist's <c>Step</c> enum.</summary>
    public int Source { get; }

    /// <summary>The trigger that fires it.</summary>
    public ChecklistTrigger Trigger { get; }

    /// <summary>The state it enters: a value of the checklist's <c>Step</c> enum.</summary>
    public int Destination { get; }

    /// <summary>What must all hold for it to fire; empty when nothing does.</summary>
    public IReadOnlyList<MachineGuard> Guards { get; }

    /// <summary>
    /// The guards over <paramref name="progress"/>, with their descriptions, in the shape both
    /// Stateless's <c>PermitIf(trigger, destination, params guards)</c> take.
    /// </summary>
    public Tuple<Func<bool>, string>[] GuardsOver(ChecklistProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var guards = new Tuple<Func<bool>, string>[Guards.Count];
        for (var i = 0; i < guards.Length; i++)
        {
            var guard = Guards[i];
            guards[i] = Tuple.Create<Func<bool>, string>(() => guard.IsMet(progress), guard.Describe(progress.Definition));
        }
        return guards;
    }
}
