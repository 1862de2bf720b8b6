namespace ChecklistDsl;

/// <summary>
/// A checklist's plan, as generated at compile time: what tools (the runner, the exporters) read
/// instead of reflecting over attributes.
/// </summary>
public sealed class ChecklistDefinition
{
    /// <summary>The class name, for example <c>DeploySafelyToProduction</c>: the name the CLI takes.</summary>
    public required string Name { get; init; }

    /// <summary>The class's full name, with its namespace.</summary>
    public required string FullName { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The summary, if any.</summary>
    public string? Summary { get; init; }

    /// <summary>The owner, if any.</summary>
    public string? Owner { get; init; }

    /// <summary>The environment, as written.</summary>
    public string? Environment { get; init; }

    /// <summary>Whether <see cref="Environment"/> names production ("production", "prod" or "live").</summary>
    public bool IsProduction { get; init; }

    /// <summary>Inputs and secrets, in declaration order.</summary>
    public required IReadOnlyList<InputDefinition> Inputs { get; init; }

    /// <summary>Steps, in order.</summary>
    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    /// <summary>Rollback procedures, in declaration order.</summary>
    public required IReadOnlyList<RollbackDefinition> Rollbacks { get; init; }

    /// <summary>
    /// A hash of the whole plan (titles, steps, checks, commands, resources, rollbacks). A journal
    /// written under one fingerprint is not resumed under another.
    /// </summary>
    public required string Fingerprint { get; init; }

    /// <summary>The Markdown runbook.</summary>
    public required string Markdown
    {
        get => _drawn?.Value ?? _markdown;
        init => _markdown = value;
    }

    private readonly string _markdown = "";
    private readonly Lazy<string>? _drawn;

    /// <summary>
    /// Completes <see cref="Markdown"/> when it is first read: the generator stores the runbook without
    /// its state diagram, which is drawn from the machine table (<see cref="Shared.RunbookDiagram"/>).
    /// </summary>
    internal Func<string, string>? CompleteMarkdown
    {
        init => _drawn = value is null ? null : new Lazy<string>(() => value(_markdown));
    }

    /// <summary>The runbook's file name, for example <c>deploy-safely-to-production.md</c>.</summary>
    public required string RunbookFileName { get; init; }

    /// <summary>
    /// Creates an instance of the checklist class with its inputs and secrets set from the given
    /// values (by property name); used to run automated steps.
    /// </summary>
    public Func<IReadOnlyDictionary<string, string>, object>? CreateInstance { get; init; }

    /// <summary>
    /// The generated class's machine factory (a <c>Func&lt;ChecklistProgress, string, ChecklistMachine&gt;</c>),
    /// held untyped so that the plan does not depend on running it: <c>ChecklistMachines.CreateMachine</c> calls it.
    /// </summary>
    internal Delegate? MachineFactory { get; init; }

    /// <summary>The rollback procedure with the given method name, or <see langword="null"/>.</summary>
    public RollbackDefinition? FindRollback(string? name) =>
        name is null ? null : Rollbacks.FirstOrDefault(r => r.Name == name);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Title})";
}
