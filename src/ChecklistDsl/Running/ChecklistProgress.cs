namespace ChecklistDsl;

/// <summary>
/// What a run has done so far besides its current state: ticked checks, approvals, completed and
/// skipped steps. The generated state machine reads it in its guards (unticked checks, missing
/// approvals) and in choosing the rollback path; the runner rebuilds it from the journal to resume.
/// </summary>
public sealed class ChecklistProgress
{
    private readonly HashSet<(int Step, int Check)> _ticked = [];
    private readonly Dictionary<int, string> _approvals = [];
    private readonly HashSet<int> _completed = [];
    private readonly HashSet<int> _skipped = [];

    /// <summary>Starts empty progress for a checklist.</summary>
    public ChecklistProgress(ChecklistDefinition definition) =>
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));

    /// <summary>The checklist this progress belongs to.</summary>
    public ChecklistDefinition Definition { get; }

    /// <summary>Ticks check <paramref name="check"/> of step <paramref name="step"/> (zero-based).</summary>
    public void Tick(int step, int check)
    {
        CheckAt(step, check);
        _ticked.Add((step, check));
    }

    /// <summary>Ticks every check of a step.</summary>
    public void TickAll(int step)
    {
        for (var check = 0; check < StepAt(step).Checks.Count; check++)
            _ticked.Add((step, check));
    }

    /// <summary>Whether a check is ticked.</summary>
    public bool IsTicked(int step, int check)
    {
        CheckAt(step, check);
        return _ticked.Contains((step, check));
    }

    /// <summary>Whether every check of a step is ticked (true for a step with none).</summary>
    public bool AllTicked(int step)
    {
        var count = StepAt(step).Checks.Count;
        for (var check = 0; check < count; check++)
            if (!_ticked.Contains((step, check)))
                return false;
        return true;
    }

    /// <summary>Records who approved an approval step.</summary>
    public void RecordApproval(int step, string approver)
    {
        if (string.IsNullOrWhiteSpace(approver))
            throw new ArgumentException("An approval needs the approver's name.", nameof(approver));
        if (!StepAt(step).IsApproval)
            throw new InvalidOperationException($"Step '{StepAt(step).Title}' is not an approval step.");
        _approvals[step] = approver.Trim();
    }

    /// <summary>Who approved a step, or <see langword="null"/>.</summary>
    public string? ApprovedBy(int step) => _approvals.TryGetValue(ValidStep(step), out var name) ? name : null;

    /// <summary>Whether a step has a recorded approval.</summary>
    public bool IsApproved(int step) => _approvals.ContainsKey(ValidStep(step));

    /// <summary>Records that a step completed (replacing an earlier skip of it).</summary>
    public void MarkCompleted(int step)
    {
        _skipped.Remove(ValidStep(step));
        _completed.Add(step);
    }

    /// <summary>Records that an optional or conditional step was skipped (replacing an earlier completion of it).</summary>
    public void MarkSkipped(int step)
    {
        if (!StepAt(step).Optional && StepAt(step).Condition is null)
            throw new InvalidOperationException($"Step '{StepAt(step).Title}' is neither optional nor conditional; it cannot be skipped.");
        _completed.Remove(step);
        _skipped.Add(step);
    }

    /// <summary>Whether a step completed (not skipped).</summary>
    public bool IsCompleted(int step) => _completed.Contains(ValidStep(step));

    /// <summary>Whether a step was skipped.</summary>
    public bool IsSkipped(int step) => _skipped.Contains(ValidStep(step));

    /// <summary>How many steps completed or were skipped.</summary>
    public int DoneCount => _completed.Count + _skipped.Count;

    private void CheckAt(int step, int check)
    {
        var definition = StepAt(step);
        if ((uint)check >= (uint)definition.Checks.Count)
            throw new ArgumentOutOfRangeException(nameof(check), check, $"Step '{definition.Title}' has {definition.Checks.Count} check(s).");
    }

    private int ValidStep(int step)
    {
        StepAt(step);
        return step;
    }

    /// <summary>The step at a position; every method validates its index here, so a wrong index fails loudly instead of reading as "not done".</summary>
    private StepDefinition StepAt(int step) =>
        (uint)step < (uint)Definition.Steps.Count
            ? Definition.Steps[step]
            : throw new ArgumentOutOfRangeException(nameof(step), step, $"The checklist '{Definition.Name}' has {Definition.Steps.Count} step(s).");
}
