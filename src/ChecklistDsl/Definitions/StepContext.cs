namespace ChecklistDsl;

/// <summary>
/// What a step's C# automation receives: the step, its run-time inputs, a writer for its output and
/// the run's cancellation. Secrets are on the checklist instance, never here, so that they cannot be
/// logged by accident.
/// </summary>
public sealed class StepContext
{
    private readonly IReadOnlyDictionary<string, string> _inputs;

    /// <summary>Creates a context; the runner does this for each automated step.</summary>
    public StepContext(
        ChecklistDefinition checklist,
        StepDefinition? step,
        RollbackDefinition? rollback,
        IReadOnlyDictionary<string, string> inputs,
        TextWriter output,
        bool dryRun = false,
        CancellationToken cancellationToken = default)
    {
        Checklist = checklist ?? throw new ArgumentNullException(nameof(checklist));
        Step = step;
        Rollback = rollback;
        _inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        Output = output ?? throw new ArgumentNullException(nameof(output));
        DryRun = dryRun;
        CancellationToken = cancellationToken;
    }

    /// <summary>The checklist being run.</summary>
    public ChecklistDefinition Checklist { get; }

    /// <summary>The step being run, or <see langword="null"/> in a rollback procedure.</summary>
    public StepDefinition? Step { get; }

    /// <summary>The rollback procedure being run, or <see langword="null"/> on the forward path.</summary>
    public RollbackDefinition? Rollback { get; }

    /// <summary>Where the automation writes what the operator should see; recorded in the journal.</summary>
    public TextWriter Output { get; }

    /// <summary>When true, describe what would be done and change nothing.</summary>
    public bool DryRun { get; }

    /// <summary>Cancelled when the operator interrupts the run or the step times out.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The value of a non-secret input.</summary>
    /// <exception cref="KeyNotFoundException">No input of that name was given.</exception>
    public string GetInput(string name) =>
        _inputs.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"The checklist '{Checklist.Name}' has no input '{name}' in this run.");

    /// <summary>Writes a line of output.</summary>
    public void Log(string message) => Output.WriteLine(message);
}
