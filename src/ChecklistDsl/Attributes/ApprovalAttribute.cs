namespace ChecklistDsl;

/// <summary>
/// A gate: someone in the given role approves (recorded by name) or rejects before the run goes on; never the
/// run's own operator unless <see cref="AllowSelfApproval"/> says so.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ApprovalAttribute : Attribute
{
    /// <summary>Adds an approval gate to the step.</summary>
    /// <param name="role">Who approves, for example "QA lead".</param>
    public ApprovalAttribute(string role) => Role = role;

    /// <summary>Who approves.</summary>
    public string Role { get; }

    /// <summary>
    /// How many distinct people in <see cref="Role"/> must approve before the run goes on (a quorum); 1 by
    /// default. Less than 1 is a build error (CHK015).
    /// </summary>
    public int Required { get; set; } = 1;

    /// <summary>
    /// Lets the run's own operator approve this gate. Off by default (the four-eyes rule); the runbook says
    /// when it is on.
    /// </summary>
    public bool AllowSelfApproval { get; set; }
}
