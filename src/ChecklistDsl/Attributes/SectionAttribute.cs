namespace ChecklistDsl;

/// <summary>This step starts a section that runs until the next step with a <see cref="SectionAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class SectionAttribute : Attribute
{
    /// <summary>Starts a section.</summary>
    /// <param name="title">The section heading.</param>
    public SectionAttribute(string title) => Title = title;

    /// <summary>The section heading.</summary>
    public string Title { get; }
}
