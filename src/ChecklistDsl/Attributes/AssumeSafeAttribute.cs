namespace ChecklistDsl;

/// <summary>
/// Accepts one named risk on this step, with a reason: suppresses exactly that analyzer rule on this
/// step, and lists the risk in the runbook under "Accepted risks".
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
public sealed class AssumeSafeAttribute : Attribute
{
    /// <summary>Accepts a risk.</summary>
    /// <param name="ruleId">The rule accepted, for example "CHK005".</param>
    /// <param name="because">Why the risk is acceptable; must not be empty.</param>
    public AssumeSafeAttribute(string ruleId, string because)
    {
        RuleId = ruleId;
        Because = because;
    }

    /// <summary>The rule accepted.</summary>
    public string RuleId { get; }

    /// <summary>Why the risk is acceptable.</summary>
    public string Because { get; }
}
