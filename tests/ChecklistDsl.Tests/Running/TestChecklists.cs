namespace ChecklistDsl.Tests.Running;

/// <summary>What a hand-built test step needs.</summary>
internal sealed record StepSpec(string Title, string[] Checks, string? ApprovalRole = null, bool Optional = false);

/// <summary>Builds <see cref="ChecklistDefinition"/>s by hand, for tests that do not go through the generator.</summary>
internal static class TestChecklists
{
    public static ChecklistDefinition Create(params StepSpec[] steps) => new()
    {
        Name = "Sample",
        FullName = "Tests.Sample",
        Title = "Sample checklist",
        Inputs = [],
        Steps = [.. steps.Select((step, index) => new StepDefinition
        {
            Index = index,
            Name = $"Step{index}",
            Title = step.Title,
            Checks = step.Checks,
            ApprovalRole = step.ApprovalRole,
            Optional = step.Optional,
            Fingerprint = $"step-{index}",
        })],
        Rollbacks = [],
        Fingerprint = "sample",
        Markdown = "# Sample checklist\n",
        RunbookFileName = "sample.md",
    };
}
