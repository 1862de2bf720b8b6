using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using Stateless;

namespace ChecklistDsl;

/// <summary>
/// The plumbing of every generated checklist's Stateless machine, written once here instead of once
/// per checklist: configuring it from its <see cref="MachineTable"/>, recording progress as steps are
/// left, refusing a trigger with a message that names what is missing, and wrapping it as a
/// <see cref="ChecklistMachine"/>. For generated code.
/// </summary>
/// <remarks>
/// Generated per checklist, this code (a loop, an <c>OnTransitioned</c> lambda, the wrapper's
/// lambdas) cost the compiler a third of what the whole generated file cost, with hundreds of
/// checklists in one project (docs/performance.md).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StatelessMachine
{
    /// <summary>
    /// Configures a machine from the table with Stateless's own API: <c>Permit</c>, or <c>PermitIf</c>
    /// with the guards' descriptions, for every transition in order; an <c>OnTransitioned</c> handler
    /// that records a left step as completed (<c>Complete</c>, <c>Approve</c>) or skipped
    /// (<c>Skip</c>) in the progress the guards and the rollback path read; and an
    /// <c>OnUnhandledTrigger</c> handler whose <see cref="InvalidOperationException"/> names the
    /// unticked checks, the missing approval, or the triggers the state does permit.
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
        // The refusal is worked out from the table and the progress, not from the unmet guards
        // Stateless passes in: FireAsync passes none.
        machine.OnUnhandledTrigger((state, trigger, _) =>
            throw new InvalidOperationException(Refusal(table, progress, ToInt(state), state.ToString(), (ChecklistTrigger)ToInt(trigger))));
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
        return new ChecklistMachine(definition, progress, new Adapter<TState, TTrigger>(machine));
    }

    /// <summary>Why <paramref name="trigger"/> cannot fire in <paramref name="state"/>, in the operator's words.</summary>
    internal static string Refusal(MachineTable table, ChecklistProgress progress, int state, string stateName, ChecklistTrigger trigger)
    {
        var definition = progress.Definition;
        var where = state >= 1 && state <= definition.Steps.Count
            ? $"step {definition.Steps[state - 1]}"
            : $"'{stateName}'";
        var missing = new List<string>();
        var permitted = new List<string>();
        foreach (var transition in table.Transitions)
        {
            if (transition.Source != state)
                continue;
            if (transition.Trigger != trigger)
            {
                if (!permitted.Contains(transition.Trigger.ToString()))
                    permitted.Add(transition.Trigger.ToString());
                continue;
            }
            foreach (var guard in transition.Guards)
                foreach (var reason in guard.WhyNotMet(progress))
                    if (!missing.Contains(reason))
                        missing.Add(reason);
        }
        if (missing.Count > 0)
            return $"{definition.Name}: {trigger} is refused in {where}: {string.Join("; ", missing)}.";
        return permitted.Count == 0
            ? $"{definition.Name}: {trigger} is not permitted in {where}: the run has ended."
            : $"{definition.Name}: {trigger} is not permitted in {where} (permitted: {string.Join(", ", permitted)}).";
    }

    // The generated enums are int-based (the generator writes them so); anything else goes the slow, checked way.
    private static T FromInt<T>(int value) where T : struct, Enum =>
        Unsafe.SizeOf<T>() == sizeof(int) && typeof(T).GetEnumUnderlyingType() == typeof(int) ? Unsafe.As<int, T>(ref value) : (T)Enum.ToObject(typeof(T), value);

    private static int ToInt<T>(T value) where T : struct, Enum =>
        Unsafe.SizeOf<T>() == sizeof(int) && typeof(T).GetEnumUnderlyingType() == typeof(int) ? Unsafe.As<T, int>(ref value) : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    /// <summary>A typed Stateless machine seen through <see cref="ChecklistTrigger"/> and state names.</summary>
    private sealed class Adapter<TState, TTrigger>(StateMachine<TState, TTrigger> machine) : ChecklistMachine.IMachine
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        public string State => machine.State.ToString();

        public bool CanFire(ChecklistTrigger trigger, out ICollection<string>? unmetGuards) =>
            machine.CanFire(FromInt<TTrigger>((int)trigger), out unmetGuards);

        public void Fire(ChecklistTrigger trigger) => machine.Fire(FromInt<TTrigger>((int)trigger));

        public Task FireAsync(ChecklistTrigger trigger) => machine.FireAsync(FromInt<TTrigger>((int)trigger));

        public Stateless.Reflection.StateMachineInfo GetInfo() => machine.GetInfo();
    }
}
