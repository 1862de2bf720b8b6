namespace ChecklistDsl;

/// <summary>What a <see cref="MachineGuard"/> asks of a step.</summary>
public enum MachineGuardKind
{
    /// <summary>Every check of the step is ticked.</summary>
    ChecksTicked,
    /// <summary>The step's approval is recorded.</summary>
    Approved,
    /// <summary>The step completed (it was not skipped).</summary>
    Completed,
    /// <summary>The step did not complete: an optional step that was skipped.</summary>
    NotCompleted,
}

/// <summary>A condition a transition waits for, over one step's progress.</summary>
public sealed class MachineGuard
{
    internal MachineGuard(MachineGuardKind kind, int step)
    {
        Kind = kind;
        Step = step;
    }

    /// <summary>What it asks.</summary>
    public MachineGuardKind Kind { get; }

    /// <summary>The zero-based index of the step it asks about.</summary>
    public int Step { get; }

    /// <summary>Whether it holds for <paramref name="progress"/>.</summary>
    public bool IsMet(ChecklistProgress progress) => Kind switch
    {
        MachineGuardKind.ChecksTicked => progress.AllTicked(Step),
        MachineGuardKind.Approved => progress.IsApproved(Step),
        MachineGuardKind.Completed => progress.IsCompleted(Step),
        _ => !progress.IsCompleted(Step),
    };

    /// <summary>
    /// The description the engine shows for an unmet guard and the diagram shows on the transition:
    /// the words of the generator's Mermaid diagram (src/Shared/MachineGuards.cs).
    /// </summary>
    public string Describe(ChecklistDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Kind switch
        {
            MachineGuardKind.ChecksTicked => Shared.MachineGuards.ChecksTickedText,
            MachineGuardKind.Approved => Shared.MachineGuards.ApprovedText,
            MachineGuardKind.Completed => Shared.MachineGuards.CompletedText(StepName(definition)),
            _ => Shared.MachineGuards.NotCompletedText(StepName(definition)),
        };
    }

    /// <summary>
    /// What is missing, in the operator's words, when the guard does not hold: each unticked check by
    /// its text, the approval by its role, the step by its title. Empty when it holds.
    /// </summary>
    public IEnumerable<string> WhyNotMet(ChecklistProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (IsMet(progress))
            yield break;
        var definition = progress.Definition;
        if (Step < 0 || Step >= definition.Steps.Count)
        {
            yield return Describe(definition) + " is not met";
            yield break;
        }
        var step = definition.Steps[Step];
        switch (Kind)
        {
            case MachineGuardKind.ChecksTicked:
                for (var check = 0; check < step.Checks.Count; check++)
                    if (!progress.IsTicked(Step, check))
                        yield return $"check '{step.Checks[check]}' is not ticked";
                break;
            case MachineGuardKind.Approved:
                yield return $"no approval by {step.ApprovalRole} is recorded";
                break;
            case MachineGuardKind.Completed:
                yield return $"step {step} did not complete";
                break;
            default:
                yield return $"step {step} completed";
                break;
        }
    }

    private string StepName(ChecklistDefinition definition) =>
        Step >= 0 && Step < definition.Steps.Count ? definition.Steps[Step].Name : "step " + Step;
}
