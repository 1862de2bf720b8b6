namespace ChecklistDsl;

/// <summary>The step changes these resources, reversibly.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ModifiesAttribute : Attribute
{
    /// <summary>Names the resources.</summary>
    /// <param name="resources">Resource names, for example "staging database".</param>
    public ModifiesAttribute(params string[] resources) => Resources = resources ?? [];

    /// <summary>The resources.</summary>
    public string[] Resources { get; }
}
