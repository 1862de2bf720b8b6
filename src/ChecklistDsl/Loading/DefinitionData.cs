using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Globalization;
using ChecklistDsl.Shared;

namespace ChecklistDsl;

/// <summary>
/// Builds a checklist's <see cref="ChecklistDefinition"/> from the data the generator writes: the
/// plan as JSON, the runbook and the machine table in the class's <see cref="ChecklistDataAttribute"/>,
/// the class's automated methods and constructor (found by the names the plan gives), and the machine
/// as a delegate. For generated code; tools read <see cref="ChecklistDefinition"/>.
/// </summary>
/// <remarks>
/// Data rather than object initializers because compiling twenty <c>StepDefinition</c> initializers
/// with their arrays per checklist was a third of what the generated code cost the compiler with
/// hundreds of checklists in one project.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DefinitionData
{
    /// <summary>The data format this runtime reads; the generator writes it as <c>"format"</c>.</summary>
    public const int Format = Shared.PlanDataFormat.Number;

    /// <summary>
    /// Builds the definition of a generated checklist class from the plan and the runbook in its
    /// <see cref="ChecklistDataAttribute"/>. The automated methods and the constructor with its inputs,
    /// which the plan names, are found on the class itself.
    /// </summary>
    /// <param name="checklistType">The <c>[Checklist]</c> class.</param>
    /// <param name="createMachine">Creates the checklist's state machine.</param>
    /// <exception cref="InvalidOperationException">The class has no generated data, or data this runtime cannot read.</exception>
    public static ChecklistDefinition Load(
        [DynamicallyAccessedMembers(ChecklistClass.Members)] Type checklistType,
        Func<ChecklistProgress, string, ChecklistMachine> createMachine)
    {
        var data = DataOf(checklistType);
        return Read(data.Plan, data.Runbook, data.Machine, checklistType, null, null, createMachine, checklistType.FullName);
    }

    /// <summary>
    /// The machine table in a generated checklist class's <see cref="ChecklistDataAttribute"/>, read
    /// when its transitions are first used (when a machine is created), not when the class is.
    /// </summary>
    /// <param name="checklistType">The <c>[Checklist]</c> class.</param>
    /// <param name="states">Its <c>Step</c> enum.</param>
    /// <remarks>
    /// Reading the transitions throws <see cref="InvalidOperationException"/> when the class has no
    /// generated data and <see cref="FormatException"/> when the table is not one over <paramref name="states"/>.
    /// </remarks>
    public static MachineTable LoadMachineTable(Type checklistType, Type states)
    {
        ArgumentNullException.ThrowIfNull(checklistType);
        ArgumentNullException.ThrowIfNull(states);
        return MachineTable.OnFirstUse(() => MachineTable.Parse(states, DataOf(checklistType).Machine));
    }

    private static ChecklistDataAttribute DataOf(Type checklistType)
    {
        ArgumentNullException.ThrowIfNull(checklistType);
        return checklistType.GetCustomAttribute<ChecklistDataAttribute>(inherit: false)
            ?? throw new InvalidOperationException($"{checklistType.FullName} has no generated [ChecklistData]: is the ChecklistDsl generator running in the project that declares it?");
    }

    /// <summary>Builds a definition from the generator's JSON and the runbook.</summary>
    /// <param name="json">The plan, as the generator writes it.</param>
    /// <param name="markdown">The runbook.</param>
    /// <param name="automate">Runs the automated step or rollback procedure named by its method name.</param>
    /// <param name="createInstance">Creates the class with its inputs set, when it can be created.</param>
    /// <param name="createMachine">Creates the checklist's state machine.</param>
    /// <param name="source">Names the data's origin in error messages.</param>
    /// <exception cref="InvalidOperationException">The JSON is not a plan this runtime reads.</exception>
    public static ChecklistDefinition Read(
        string json,
        string markdown,
        Func<string, object, StepContext, Task>? automate,
        Func<IReadOnlyDictionary<string, string>, object>? createInstance,
        Func<ChecklistProgress, string, ChecklistMachine> createMachine,
        string? source = null) =>
        Read(json, markdown, null, null, automate, createInstance, createMachine, source);

    /// <summary>
    /// With a <paramref name="checklistType"/>, automation and creation come from the class, as the plan
    /// says; with a <paramref name="machine"/> table, the runbook's diagram is drawn from it when the
    /// Markdown is first read.
    /// </summary>
    private static ChecklistDefinition Read(
        string json,
        string markdown,
        string? machine,
        [DynamicallyAccessedMembers(ChecklistClass.Members)] Type? checklistType,
        Func<string, object, StepContext, Task>? automate,
        Func<IReadOnlyDictionary<string, string>, object>? createInstance,
        Func<ChecklistProgress, string, ChecklistMachine> createMachine,
        string? source)
    {
        Func<string, Func<object, StepContext, Task>>? automationOf = checklistType is not null
            ? method => ChecklistClass.Automation(checklistType, method)
            : automate is not null ? method => (instance, context) => automate(method, instance, context) : null;
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(createMachine);
        try
        {
            var root = new PlanJson(json).ReadDocument();
            var format = Get(root, "format") as long? ?? throw new FormatException("'format' is not an integer");
            if (format != Format)
            {
                throw new InvalidOperationException(
                    $"The generated plan of {source ?? "a checklist"} is in data format {format}; this ChecklistDsl runtime reads format {Format}. Build with the generator of the same ChecklistDsl version as the runtime.");
            }
            if (checklistType is not null)
                createInstance = Flag(root, "canCreateInstance") ? ChecklistClass.Creator(checklistType, SettableInputs(root)) : null;
            // A step is in the section the nearest step at or before it starts.
            string? section = null;
            var steps = Objects(root, "steps", (step, index) =>
            {
                var starts = Optional(step, "section");
                section = starts ?? section;
                return ReadStep(step, index, section, starts is not null, automationOf);
            });
            var rollbacks = Objects(root, "rollbacks", (rollback, _) => ReadRollback(rollback, automationOf));
            return new ChecklistDefinition
            {
                Name = Required(root, "name"),
                FullName = Required(root, "fullName"),
                Title = Required(root, "title"),
                Summary = Optional(root, "summary"),
                Owner = Optional(root, "owner"),
                Environment = Optional(root, "environment"),
                IsProduction = Flag(root, "isProduction"),
                Fingerprint = Required(root, "fingerprint"),
                Markdown = markdown,
                RunbookFileName = Required(root, "runbookFileName"),
                Inputs = Objects(root, "inputs", ReadInput),
                Steps = steps,
                Rollbacks = rollbacks,
                CreateInstance = createInstance,
                MachineFactory = createMachine,
                // A runbook without the placeholder (written by hand) is left as it is.
                CompleteMarkdown = machine is null ? null : stored => DrawDiagram(stored, machine, steps, rollbacks, source),
            };
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidCastException)
        {
            throw new InvalidOperationException($"The generated plan of {source ?? "a checklist"} cannot be read: {e.Message}", e);
        }
    }

    private static string DrawDiagram(string markdown, string machine, IReadOnlyList<StepDefinition> steps, IReadOnlyList<RollbackDefinition> rollbacks, string? source)
    {
        var diagramSteps = new RunbookDiagram.Step[steps.Count];
        for (var i = 0; i < diagramSteps.Length; i++)
        {
            var step = steps[i];
            diagramSteps[i] = new RunbookDiagram.Step(step.Name, step.Title, step.Condition is not null, step.RollbackName, step.RollbackState);
        }
        var diagramRollbacks = new RunbookDiagram.Rollback[rollbacks.Count];
        for (var r = 0; r < diagramRollbacks.Length; r++)
            diagramRollbacks[r] = new RunbookDiagram.Rollback(rollbacks[r].Name, rollbacks[r].Title);
        try
        {
            return RunbookDiagram.Complete(markdown, machine, diagramSteps, diagramRollbacks);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"The runbook diagram of {source ?? "a checklist"} cannot be drawn from its machine table: {e.Message}", e);
        }
    }

    private static InputDefinition ReadInput(Dictionary<string, object?> input, int index) => new()
    {
        Name = Required(input, "name"),
        Description = Required(input, "description"),
        IsSecret = Flag(input, "isSecret"),
        IsBool = Flag(input, "isBool"),
        EnvironmentVariable = Required(input, "environmentVariable"),
    };

    private static List<string> SettableInputs(Dictionary<string, object?> root)
    {
        var names = new List<string>();
        foreach (var input in Objects(root, "inputs", (input, _) => input))
        {
            if (Flag(input, "settable"))
                names.Add(Required(input, "name"));
        }
        return names;
    }

    private static StepDefinition ReadStep(Dictionary<string, object?> step, int index, string? section, bool startsSection, Func<string, Func<object, StepContext, Task>>? automationOf)
    {
        var name = Required(step, "name");
        return new StepDefinition
        {
            Index = index,
            Name = name,
            Title = Required(step, "title"),
            Fingerprint = Required(step, "fingerprint"),
            Section = section,
            StartsSection = startsSection,
            Purpose = Optional(step, "purpose"),
            Instructions = Optional(step, "instructions"),
            Optional = Flag(step, "optional"),
            Timeout = step.TryGetValue("timeoutTicks", out var ticks) ? TimeSpan.FromTicks(ticks as long? ?? throw new FormatException("'timeoutTicks' is not an integer")) : null,
            Checks = Strings(step, "checks"),
            Commands = Strings(step, "commands"),
            CommandRetries = Retries(step),
            Condition = Condition(step),
            Wait = step.TryGetValue("waitUntil", out var wait) && wait is Dictionary<string, object?> poll
                ? new WaitDefinition { Command = Required(poll, "command"), Every = Ticks(poll, "everyTicks"), Timeout = Ticks(poll, "timeoutTicks") }
                : null,
            ApprovalRole = Optional(step, "approvalRole"),
            ApprovalsRequired = step.TryGetValue("approvalsRequired", out var required) && required is not null
                ? checked((int)(required as long? ?? throw new FormatException("'approvalsRequired' is not an integer")))
                : 1,
            AllowsSelfApproval = Flag(step, "selfApproval"),
            Backup = step.TryGetValue("backup", out var value) && value is Dictionary<string, object?> backup
                ? new BackupDefinition { Resources = Strings(backup, "resources"), Verified = Flag(backup, "verified"), OffSite = Flag(backup, "offSite") }
                : null,
            Modifies = Strings(step, "modifies"),
            Destroys = Strings(step, "destroys"),
            Verifies = Strings(step, "verifies"),
            RollbackName = Optional(step, "rollbackName"),
            RollbackState = Optional(step, "rollbackState") ?? Optional(step, "rollbackName"),
            NoRollbackReason = Optional(step, "noRollbackReason"),
            AcceptedRisks = Objects(step, "acceptedRisks", (risk, _) => new AcceptedRisk(Required(risk, "ruleId"), Required(risk, "because"))),
            Automation = Automation(step, name, automationOf),
        };
    }

    private static RollbackDefinition ReadRollback(Dictionary<string, object?> rollback, Func<string, Func<object, StepContext, Task>>? automationOf)
    {
        var name = Required(rollback, "name");
        return new RollbackDefinition
        {
            Name = name,
            Title = Required(rollback, "title"),
            Instructions = Optional(rollback, "instructions"),
            Commands = Strings(rollback, "commands"),
            CommandRetries = Retries(rollback),
            Condition = Condition(rollback),
            Automation = Automation(rollback, name, automationOf),
        };
    }

    /// <summary>
    /// One <see cref="CommandRetry"/> per command: <c>"retries"</c> lists only the retried ones, as
    /// <c>{"command": index, "retries": n, "delayTicks": t}</c>.
    /// </summary>
    private static IReadOnlyList<CommandRetry> Retries(Dictionary<string, object?> element)
    {
        var count = Strings(element, "commands").Count;
        var retries = new CommandRetry[count];
        System.Array.Fill(retries, CommandRetry.None);
        foreach (var retry in Objects(element, "retries", (retry, _) => retry))
        {
            var index = Get(retry, "command") as long? ?? throw new FormatException("'command' is not an integer");
            if (index < 0 || index >= count)
                throw new FormatException($"'retries' names command {index} of {count}");
            var times = Get(retry, "retries") as long? ?? throw new FormatException("'retries' is not an integer");
            retries[index] = new CommandRetry { Retries = checked((int)times), Delay = Ticks(retry, "delayTicks") };
        }
        return retries;
    }

    private static StepCondition? Condition(Dictionary<string, object?> element) =>
        element.TryGetValue("when", out var when) && when is Dictionary<string, object?> condition
            ? new StepCondition { Input = Required(condition, "input"), Value = Optional(condition, "value") }
            : null;

    private static TimeSpan Ticks(Dictionary<string, object?> element, string name) =>
        TimeSpan.FromTicks(Get(element, name) as long? ?? throw new FormatException($"'{name}' is not an integer"));

    private static Func<object, StepContext, Task>? Automation(Dictionary<string, object?> element, string method, Func<string, Func<object, StepContext, Task>>? automationOf)
    {
        if (!Flag(element, "automated"))
            return null;
        if (automationOf is null)
            throw new FormatException($"'{method}' is automated but no automation was given");
        return automationOf(method);
    }

    private static object Get(Dictionary<string, object?> element, string name) =>
        element.TryGetValue(name, out var value) && value is not null ? value : throw new FormatException($"'{name}' is missing");

    private static string Required(Dictionary<string, object?> element, string name) =>
        Get(element, name) as string ?? throw new FormatException($"'{name}' is not a string");

    private static string? Optional(Dictionary<string, object?> element, string name) =>
        !element.TryGetValue(name, out var value) || value is null ? null : value as string ?? throw new FormatException($"'{name}' is not a string");

    private static bool Flag(Dictionary<string, object?> element, string name) =>
        element.TryGetValue(name, out var value) && (value as bool? ?? throw new FormatException($"'{name}' is not true or false"));

    private static IReadOnlyList<string> Strings(Dictionary<string, object?> element, string name) =>
        Array(element, name, (value, _) => value as string ?? throw new FormatException($"'{name}' holds something other than a string"));

    private static IReadOnlyList<T> Array<T>(Dictionary<string, object?> element, string name, Func<object?, int, T> read)
    {
        if (!element.TryGetValue(name, out var value))
            return [];
        var list = value as List<object?> ?? throw new FormatException($"'{name}' is not an array");
        var items = new T[list.Count];
        for (var i = 0; i < items.Length; i++)
            items[i] = read(list[i], i);
        return items;
    }

    private static IReadOnlyList<T> Objects<T>(Dictionary<string, object?> element, string name, Func<Dictionary<string, object?>, int, T> read) =>
        Array(element, name, (value, index) => read(value as Dictionary<string, object?> ?? throw new FormatException($"'{name}' holds something other than objects"), index));
}
