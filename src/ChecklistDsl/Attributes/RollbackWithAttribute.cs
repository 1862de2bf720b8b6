namespace ChecklistDsl;

/// <summary>Names the <see cref="RollbackAttribute"/> procedure that undoes this changing step.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class RollbackWithAttribute : Attribute
{
    /// <summary>Links a rollback procedure; use <c>nameof(Method)</c>.</summary>
    /// <param name="method">The name of a method marked <see cref="RollbackAttribute"/>.</param>
    public RollbackWithAttribute(string method) => Method = method;

    /// <summary>The rollback method's name.</summary>
    public string Method { get; }
}
