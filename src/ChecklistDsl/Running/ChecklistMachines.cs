namespace ChecklistDsl;

/// <summary>Creates a checklist's machine from its definition.</summary>
public static class ChecklistMachines
{
    /// <summary>
    /// Creates the checklist's state machine over a run's progress, starting in the state it names
    /// (<see cref="ChecklistMachine.NotStarted"/> for a new run; a saved state to resume).
    /// </summary>
    /// <exception cref="InvalidOperationException">The definition was not built from generated code, so it has no machine.</exception>
    public static ChecklistMachine CreateMachine(this ChecklistDefinition definition, ChecklistProgress progress, string state)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.MachineFactory is Func<ChecklistProgress, string, ChecklistMachine> create
            ? create(progress, state)
            : throw new InvalidOperationException($"The checklist '{definition.Name}' was not loaded from its generated class, so it has no state machine.");
    }
}
