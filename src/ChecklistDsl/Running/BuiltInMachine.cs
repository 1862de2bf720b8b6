using System.ComponentModel;
using System.Runtime.CompilerServices;
using ChecklistDsl.Engine;

namespace ChecklistDsl;

/// <summary>
/// The machine plumbing of a generated checklist on the built-in engine, written once here instead
/// of once per checklist: configuring the machine from its <see cref="MachineTable"/>, recording
/// progress as steps are left, and wrapping it as a <see cref="ChecklistMachine"/>. For generated
/// code. (On Stateless the generated code keeps its own loop: this library cannot name Stateless's
/// types.)
/// </summary>
/// <remarks>
/// Generated per checklist, this code (a loop, an <c>OnTransitioned</c> lambda, the wrapper's
/// lambdas) cost the compiler a third of what the whole generated file cost, with hundreds of
/// checklists in one project.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BuiltInMachine
{
    /// <summary>
    /// Configures a machine from the table: every transition, in order, and an
    /// <see cref="StateMachine{TState, TTrigger}.OnTransitioned"/> handler that records a left step
    /// as completed (<c>Complete</c>, <c>Approve</c>) or skipped (<c>Skip</c>) in the progress the
    /// guards and the rollback path read.
    /// </summary>
    /// <typeparam name="TState">The checklist's <c>Step</c> enum: step <c>i</c> is the value <c>i + 1</c>.</typeparam>
    /// <typeparam name="TTrigger">The checklist's <c>Trigger</c> enum: the values of <see cref="ChecklistTrigger"/>.</typeparam>
    /// <param name="machine">A new machine.</param>
    /// <param name="table">The checklist's machine.</param>
    /// <param name="progress">The run's progress.</param>
    /// <param name="stepCount">How many steps the checklist has.</param>
    /// <returns><paramref name="machine"/>.</returns>
    public static StateMachine<TState, TTrigger> Configure<TState, TTrigger>(StateMachine<TState, TTrigger> machine, MachineTable table, ChecklistProgress progress, int stepCount)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(progress);
        foreach (var transition in table.Transitions)
        {
            var source = machine.Configure(FromInt<TState>(transition.Source));
            var trigger = FromInt<TTrigger>((int)transition.Trigger);
            var destination = FromInt<TState>(transition.Destination);
            if (transition.Guards.Count == 0)
                source.Permit(trigger, destination);
            else
                source.PermitIf(trigger, destination, transition.GuardsOver(progress));
        }
        machine.OnTransitioned(transition =>
        {
            var step = ToInt(transition.Source) - 1;
            if (step < 0 || step >= stepCount)
                return;
            var trigger = (ChecklistTrigger)ToInt(transition.Trigger);
            if (trigger is ChecklistTrigger.Complete or ChecklistTrigger.Approve)
                progress.MarkCompleted(step);
            else if (trigger == ChecklistTrigger.Skip)
                progress.MarkSkipped(step);
        });
        return machine;
    }

    /// <summary>
    /// Creates the checklist's machine over a run's progress, in the state it names, and wraps it for tools.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a state of the checklist.</exception>
    public static ChecklistMachine CreateChecklistMachine<TState, TTrigger>(ChecklistDefinition definition, MachineTable table, ChecklistProgress progress, string state)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        // Names only: Enum.TryParse also takes "3" or "-1".
        if (state.Length == 0 || !char.IsLetter(state[0]) || !Enum.TryParse(state, out TState current) || !Enum.IsDefined(current))
            throw new ArgumentException($"'{state}' is not a state of the checklist {definition.Name}.", nameof(state));
        var machine = Configure(new StateMachine<TState, TTrigger>(() => current, next => current = next), table, progress, definition.Steps.Count);
        return new ChecklistMachine(definition, progress, () => current.ToString(),
            (ChecklistTrigger trigger, out ICollection<string> unmetGuards) => machine.CanFire(FromInt<TTrigger>((int)trigger), out unmetGuards),
            trigger => machine.Fire(FromInt<TTrigger>((int)trigger)));
    }

    // The generated enums are int-based (the generator writes them so); anything else goes the slow, checked way.
    private static T FromInt<T>(int value) where T : struct, Enum =>
        Unsafe.SizeOf<T>() == sizeof(int) && typeof(T).GetEnumUnderlyingType() == typeof(int) ? Unsafe.As<int, T>(ref value) : (T)Enum.ToObject(typeof(T), value);

    private static int ToInt<T>(T value) where T : struct, Enum =>
        Unsafe.SizeOf<T>() == sizeof(int) && typeof(T).GetEnumUnderlyingType() == typeof(int) ? Unsafe.As<T, int>(ref value) : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
}
