using System.Globalization;

namespace ChecklistDsl;

/// <summary>
/// A checklist's state machine as data: every permitted transition, in configuration order. The
/// generator writes the table as text, its states by name (see <see cref="Parse(Type, string)"/>); <see cref="StatelessMachine.Configure"/> walks it and
/// configures the Stateless machine from it. A table compiles in a fraction of
/// the time a fluent <c>Configure(...).Permit(...)</c> chain per state takes, which matters with
/// hundreds of checklists in one project.
/// </summary>
/// <remarks>
/// The older text, with states by value (<see cref="Parse(string)"/>): transitions separated by <c>;</c>, each <c>source trigger destination guard*</c>, where
/// source and destination are the values of the checklist's <c>Step</c> enum, the trigger is a
/// <see cref="ChecklistTrigger"/> name, and each guard is a letter and a zero-based step index:
/// <c>T</c> the step's checks are ticked, <c>A</c> its approval is recorded, <c>C</c> it completed,
/// <c>N</c> it did not complete. Example: <c>0 Start 1; 1 Approve 2 T0 A0; 1 Abort 7</c>.
/// </remarks>
public sealed class MachineTable
{
    private IReadOnlyList<MachineTransition>? _transitions;
    private readonly Func<IReadOnlyList<MachineTransition>>? _read;

    private MachineTable(IReadOnlyList<MachineTransition> transitions) => _transitions = transitions;

    private MachineTable(Func<IReadOnlyList<MachineTransition>> read) => _read = read;

    /// <summary>The transitions, in the order the engine is configured with them.</summary>
    public IReadOnlyList<MachineTransition> Transitions => _transitions ?? LazyInitializer.EnsureInitialized(ref _transitions, _read!);

    /// <summary>
    /// A table read when its transitions are first asked for: a checklist's static data is read when
    /// its class is first used, and listing checklists needs their definitions, not their machines.
    /// </summary>
    /// <param name="read">Reads the table (and throws what <see cref="Parse(Type, string)"/> throws).</param>
    internal static MachineTable OnFirstUse(Func<MachineTable> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new MachineTable(() => read().Transitions);
    }

    /// <summary>Reads a table with states by value, as the generators of ChecklistDsl 0.1 wrote it.</summary>
    /// <exception cref="FormatException">The text is not a table.</exception>
    public static MachineTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var transitions = new List<MachineTransition>();
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3)
                throw Malformed(entry, "expected 'source trigger destination guard*'");
            transitions.Add(new MachineTransition(State(fields[0], entry), Trigger(fields[1], entry), State(fields[2], entry), Guards(fields, 3, entry)));
        }
        return new MachineTable(transitions);
    }

    /// <summary>
    /// Reads a table the generator wrote with its states by name: a line per state,
    /// <c>State: trigger destination guard*; ...</c>, the states being members of <paramref name="states"/>.
    /// Every state but <c>NotStarted</c> also takes <c>Abort</c> into <c>Aborted</c>, and <c>Fail</c> into
    /// <c>Aborted</c> when its line has no <c>Fail</c>: the generator leaves those out, and they are added
    /// here (at the end of the state's transitions) unless the line has them.
    /// Example: <c>ListAdminAccounts: Complete RemoveStaleAccounts T0</c> (and Fail and Abort into Aborted).
    /// </summary>
    /// <param name="states">The checklist's <c>Step</c> enum.</param>
    /// <param name="text">The table.</param>
    /// <exception cref="FormatException">The text is not a table over <paramref name="states"/>.</exception>
    public static MachineTable Parse(Type states, string text)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(text);
        if (!states.IsEnum)
            throw new ArgumentException($"{states} is not an enum.", nameof(states));
        var names = Enum.GetNames(states);
        var values = Enum.GetValuesAsUnderlyingType(states);
        var byName = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
            byName[names[i]] = Convert.ToInt32(values.GetValue(i), CultureInfo.InvariantCulture);

        var transitions = new List<MachineTransition>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon] : "";
            if (!byName.TryGetValue(name, out var source))
                throw Malformed(line, "expected 'State: trigger destination guard*; ...'");
            bool fails = false, aborts = false;
            foreach (var entry in line[(colon + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var fields = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 2 || !byName.TryGetValue(fields[1], out var destination))
                    throw Malformed(entry, "expected 'trigger destination guard*' with a state by name");
                var trigger = Trigger(fields[0], entry);
                fails |= trigger == ChecklistTrigger.Fail;
                aborts |= trigger == ChecklistTrigger.Abort;
                transitions.Add(new MachineTransition(source, trigger, destination, Guards(fields, 2, entry)));
            }
            if (name == Shared.ReservedStateNames.NotStarted)
                continue;
            if (!byName.TryGetValue(Shared.ReservedStateNames.Aborted, out var aborted))
                throw Malformed(line, $"'{states.Name}' has no {Shared.ReservedStateNames.Aborted} state");
            if (!fails)
                transitions.Add(new MachineTransition(source, ChecklistTrigger.Fail, aborted, []));
            if (!aborts)
                transitions.Add(new MachineTransition(source, ChecklistTrigger.Abort, aborted, []));
        }
        return new MachineTable(transitions);
    }

    private static ChecklistTrigger Trigger(string field, string entry) =>
        char.IsLetter(field[0]) && Enum.TryParse(field, out ChecklistTrigger trigger) && Enum.IsDefined(trigger)
            ? trigger
            : throw Malformed(entry, $"'{field}' is not a trigger");

    private static MachineGuard[] Guards(string[] fields, int first, string entry)
    {
        var guards = new MachineGuard[fields.Length - first];
        for (var i = 0; i < guards.Length; i++)
            guards[i] = ParseGuard(fields[i + first], entry);
        return guards;
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
