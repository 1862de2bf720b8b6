namespace ChecklistDsl;

/// <summary>The step verifies these resources, read-only.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class VerifiesAttribute : Attribute
{
    /// <summary>Names the resources.</summary>
    /// <param name="resources">Resource names, for example "staging database".</param>
    public VerifiesAttribute(params string[] resources) => Resources = resources ?? [];

    /// <summary>The resources.</summary>
    public string[] Resources { get; }
}
