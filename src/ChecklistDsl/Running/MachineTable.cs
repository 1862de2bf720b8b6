using System.Globalization;

namespace ChecklistDsl;

/// <summary>
/// A checklist's state machine as data: every permitted transition, in configuration order. The
/// generator writes the table as text; <see cref="StatelessMachine.Configure"/> walks it and
/// configures the Stateless machine from it. A table compiles in a fraction of
/// the time a fluent <c>Configure(...).Permit(...)</c> chain per state takes, which matters with
/// hundreds of checklists in one project.
/// </summary>
/// <remarks>
/// The text: transitions separated by <c>;</c>, each <c>source trigger destination guard*</c>, where
/// source and destination are the values of the checklist's <c>Step</c> enum, the trigger is a
/// <see cref="ChecklistTrigger"/> name, and each guard is a letter and a zero-based step index:
/// <c>T</c> the step's checks are ticked, <c>A</c> its approval is recorded, <c>C</c> it completed,
/// <c>N</c> it did not complete. Example: <c>0 Start 1; 1 Approve 2 T0 A0; 1 Abort 7</c>.
/// </remarks>
public sealed class MachineTable
{
    private MachineTable(IReadOnlyList<MachineTransition> transitions) => Transitions = transitions;

    /// <summary>The transitions, in the order the engine is configured with them.</summary>
    public IReadOnlyList<MachineTransition> Transitions { get; }

    /// <summary>Reads a table the generator wrote.</summary>
    /// <exception cref="FormatException">The text is not a table.</exception>
    public static MachineTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var transitions = new List<MachineTransition>();
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || !Enum.TryParse(fields[1], out ChecklistTrigger trigger) || !Enum.IsDefined(trigger) || !char.IsLetter(fields[1][0]))
                throw Malformed(entry, "expected 'source trigger destination guard*'");
            var guards = new MachineGuard[fields.Length - 3];
            for (var i = 0; i < guards.Length; i++)
                guards[i] = ParseGuard(fields[i + 3], entry);
            transitions.Add(new MachineTransition(State(fields[0], entry), trigger, State(fields[2], entry), guards));
        }
        return new MachineTable(transitions);
    }

    private static MachineGuard ParseGuard(string field, string entry)
    {
        MachineGuardKind? kind = field[0] switch
        {
            Shared.MachineGuards.ChecksTicked => MachineGuardKind.ChecksTicked,
            Shared.MachineGuards.Approved => MachineGuardKind.Approved,
            Shared.MachineGuards.Completed => MachineGuardKind.Completed,
            Shared.MachineGuards.NotCompleted => MachineGuardKind.NotCompleted,
            _ => null,
        };
        if (kind is null || !int.TryParse(field.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var step))
            throw Malformed(entry, $"'{field}' is not a guard (T, A, C or N and a step index)");
        return new MachineGuard(kind.Value, step);
    }

    private static int State(string field, string entry) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var state)
            ? state
            : throw Malformed(entry, $"'{field}' is not a state value");

    private static FormatException Malformed(string entry, string why) =>
        new($"'{entry}' is not a machine table entry: {why}.");
}
