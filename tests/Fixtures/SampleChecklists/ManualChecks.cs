using ChecklistDsl;

namespace SampleChecklists;

/// <summary>A manual checklist: no commands, checks only; and a failure with nothing to roll back.</summary>
[Checklist("Manual checks", Summary = "Read, do, tick.")]
public partial class ManualChecks
{
    [Step("Read the runbook", Instructions = "Read it all.")]
    void ReadTheRunbook() { }

    [Step("Tick the boxes")]
    [Check("Box one")]
    [Check("Box two")]
    void TickTheBoxes() { }

    [Step("A command that fails")]
    [Command("false")]
    void FailingCommand() { }
}
