namespace ChecklistDsl;

/// <summary>A gate: someone in the given role approves (recorded by name) or rejects before the run goes on.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ApprovalAttribute : Attribute
{
    /// <summary>Adds an approval gate to the step.</summary>
    /// <param name="role">Who approves, for example "QA lead".</param>
    public ApprovalAttribute(string role) => Role = role;

    /// <summary>Who approves.</summary>
    public string Role { get; }
}
