namespace ChecklistDsl;

/// <summary>The step deletes or overwrites data in these resources. An earlier step must back them up.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class DestroysAttribute : Attribute
{
    /// <summary>Names the resources.</summary>
    /// <param name="resources">Resource names, for example "staging database".</param>
    public DestroysAttribute(params string[] resources) => Resources = resources ?? [];

    /// <summary>The resources.</summary>
    public string[] Resources { get; }
}
