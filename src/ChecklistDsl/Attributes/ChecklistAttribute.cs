namespace ChecklistDsl;

/// <summary>
/// Declares an operational checklist. Put it on a <c>partial</c> class whose methods carry
/// <see cref="StepAttribute"/>; the ChecklistDsl generator adds a state machine, a
/// <c>Definition</c> and a <c>Markdown</c> runbook to the class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class ChecklistAttribute : Attribute
{
    /// <summary>A checklist titled after its class name, humanized.</summary>
    public ChecklistAttribute() { }

    /// <summary>A checklist with the given title.</summary>
    /// <param name="title">The title shown at the top of the runbook.</param>
    public ChecklistAttribute(string title) => Title = title;

    /// <summary>The title; when omitted, the class name humanized.</summary>
    public string? Title { get; }

    /// <summary>One or two sentences shown under the title.</summary>
    public string? Summary { get; set; }

    /// <summary>The team or person who owns this runbook.</summary>
    public string? Owner { get; set; }

    /// <summary>
    /// The environment this checklist changes. "production", "prod" and "live" (any case) make it a
    /// production checklist, to which the stricter analyzer rules apply.
    /// </summary>
    public string? Environment { get; set; }
}
