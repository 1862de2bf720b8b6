namespace ChecklistDsl;

/// <summary>
/// A step of the checklist. Steps run in declaration order. The method may be empty (a manual step),
/// carry <see cref="CommandAttribute"/>s, or take a <see cref="StepContext"/> and automate the step
/// (returning <c>void</c> or <see cref="Task"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class StepAttribute : Attribute
{
    /// <summary>A step titled after its method name, humanized.</summary>
    public StepAttribute() { }

    /// <summary>A step with the given title.</summary>
    /// <param name="title">The title shown in the runbook and by the runner.</param>
    public StepAttribute(string title) => Title = title;

    /// <summary>The title; when omitted, the method name humanized.</summary>
    public string? Title { get; }

    /// <summary>Why this step exists, in one line.</summary>
    public string? Purpose { get; set; }

    /// <summary>What to do, for the operator. Line breaks are kept.</summary>
    public string? Instructions { get; set; }

    /// <summary>An optional step may be skipped.</summary>
    public bool Optional { get; set; }

    /// <summary>How long the step may take, as <see cref="TimeSpan"/> text (for example "01:00:00").</summary>
    public string? Timeout { get; set; }
}
