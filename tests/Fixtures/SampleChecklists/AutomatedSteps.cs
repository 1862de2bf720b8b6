using ChecklistDsl;

namespace SampleChecklists;

/// <summary>Steps automated in C# (they take a StepContext): the runner instantiates the class with the run's values.</summary>
[Checklist("Automated steps", Summary = "C# automation instead of shell commands.")]
public partial class AutomatedSteps
{
    [Input("Folder for the markers")] public string WorkDir { get; set; } = "";
    [Secret("Database password")] public string DbPassword { get; init; } = "";

    [Step("Write a marker")]
    async Task WriteMarker(StepContext context)
    {
        await File.AppendAllTextAsync(Path.Combine(WorkDir, "log"), "automated\n", context.CancellationToken);
        context.Log($"wrote to {context.GetInput(nameof(WorkDir))} using {DbPassword}");
    }

    [Step("Fail on request")]
    void FailOnRequest(StepContext context)
    {
        context.Log("checking for fail-auto");
        if (File.Exists(Path.Combine(WorkDir, "fail-auto")))
            throw new InvalidOperationException("automation failed on purpose");
    }
}
