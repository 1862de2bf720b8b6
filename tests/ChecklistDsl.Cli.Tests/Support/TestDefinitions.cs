namespace ChecklistDsl.Cli.Tests.Support;

/// <summary>Checklist definitions built in code, for tests of what reads only their inputs.</summary>
internal static class TestDefinitions
{
    /// <summary>A checklist "Sample" with these inputs and no steps.</summary>
    public static ChecklistDefinition WithInputs(params InputDefinition[] inputs) => new()
    {
        Name = "Sample",
        FullName = "Sample",
        Title = "Sample",
        Inputs = inputs,
        Steps = [],
        Rollbacks = [],
        Fingerprint = "f",
        Markdown = "",
        RunbookFileName = "sample.md",
    };
}
