using System.Collections.Generic;
using ChecklistDsl.Generators.Common;

namespace ChecklistDsl.Generators.Dsl.Model;


/// <summary>
/// The one description of a <c>[Checklist]</c> class, read by <see cref="ChecklistReader"/>: what the
/// generator emits and what the analyzers' rules judge. Plain values only (no symbols, syntax or
/// locations), so that the incremental pipeline can compare it by value; the analyzers ask a
/// <see cref="SourceMap"/> where each part was written. A class with <see cref="Problems"/> is not
/// generated (each problem is a <see cref="SkipReason"/> the analyzers report).
/// </summary>
internal sealed record ChecklistSpec(
    string Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string ClassName,
    string Title,
    string? Summary,
    string? Owner,
    string? Environment,
    bool IsProduction,
    bool CanCreateInstance,
    EquatableArray<InputSpec> Inputs,
    EquatableArray<StepSpec> Steps,
    EquatableArray<RollbackSpec> Rollbacks,
    EquatableArray<AssumptionSpec> Assumptions,
    EquatableArray<Problem> Problems)
{
    /// <summary>Whether the generator can emit it: nothing it reads is malformed.</summary>
    public bool IsGeneratable => Problems.Count == 0;

    /// <summary>The full name without <c>global::</c>; also the hint name of the generated file.</summary>
    public string FullName => string.Join(".", NameParts());

    /// <summary>The namespace's parts, the containing types' names, then the class's.</summary>
    public IEnumerable<string> NameParts()
    {
        if (Namespace.Length > 0)
        {
            foreach (var part in Namespace.Split('.'))
                yield return part;
        }
        foreach (var containing in ContainingTypes)
            yield return containing.Name;
        yield return ClassName;
    }
}

/// <summary>A type the checklist class is nested in (outermost first).</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>
/// An <c>[Input]</c> or <c>[Secret]</c> property of the class or of a base class. <c>IsBool</c>: a
/// <c>bool</c> property, given as true/false or yes/no. <c>IsSettable</c>: a string or bool property of
/// the class itself with a getter and a setter, which the runner sets (it looks only at the class's own
/// members).
/// </summary>
internal sealed record InputSpec(string Name, string Description, bool IsSecret, string EnvironmentVariable, bool IsBool, bool IsSettable);

/// <summary>
/// A <c>[When]</c>: the step applies when the bool input is true, or the input equals <see cref="Value"/>
/// (null: the one-argument form). <see cref="Input"/> is trimmed, "" when none is named.
/// </summary>
internal sealed record ConditionSpec(string Input, string? Value)
{
    /// <summary>Whether it holds on every run on which <paramref name="other"/> does (the same condition).</summary>
    public bool SameAs(ConditionSpec other) =>
        Input == other.Input && (Value is null) == (other.Value is null)
        && string.Equals(Value?.Trim(), other.Value?.Trim(), System.StringComparison.OrdinalIgnoreCase);

    /// <summary>How messages say it: <c>UsesCdn is true</c>, <c>CacheBackend is "redis"</c>.</summary>
    public string Describe() => Value is null ? Input + " is true" : Input + " is \"" + Value + "\"";
}

/// <summary>A <c>[WaitUntil]</c>: the command polled every <see cref="EveryTicks"/> for at most <see cref="TimeoutTicks"/>.</summary>
internal sealed record WaitSpec(string Command, long EveryTicks, long TimeoutTicks);

/// <summary>The retries of the command at <see cref="Command"/> (an index into the commands): <c>Retries</c>, <c>RetryDelay</c>.</summary>
internal sealed record RetrySpec(int Command, int Retries, long DelayTicks);

/// <summary>Whether and how a step or rollback method automates its work.</summary>
internal enum AutomationKind
{
    /// <summary>A manual step: the method is not called.</summary>
    None,
    /// <summary><c>void M(StepContext)</c>.</summary>
    Sync,
    /// <summary><c>Task M(StepContext)</c>.</summary>
    Async,
}

/// <summary>How an automated method is called.</summary>
internal sealed record AutomationSpec(AutomationKind Kind, bool IsStatic);

/// <summary>A <c>[Backup]</c>.</summary>
internal sealed record BackupSpec(EquatableArray<string> Resources, bool Verified, bool OffSite)
{
    public bool Contains(string resource) => Resource.Contains(Resources, resource);
}

/// <summary>An <c>[AssumeSafe]</c> with a rule id, as the runbook lists it.</summary>
internal sealed record AcceptedRiskSpec(string RuleId, string Because);

/// <summary>Any <c>[AssumeSafe]</c> on a method of the class, as written (CHK010 judges it).</summary>
internal sealed record AssumptionSpec(string MethodName, string? RuleId, string? Because)
{
    public bool HasReason => Because is not null && Because.Trim().Length > 0;

    /// <summary>Whether it accepts findings of that rule on that method (given a reason).</summary>
    public bool Accepts(string ruleId, string? methodName) =>
        HasReason && MethodName == methodName && RuleId is not null
        && string.Equals(RuleId.Trim(), ruleId, System.StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Something that keeps the class from being generated: the <see cref="SkipReason"/>, where
/// (<see cref="Member"/>: the index of the method in declaration order, -1 for the class;
/// <see cref="Attribute"/>: the index of the DSL attribute on it, -1 for the member itself), the
/// title of the step or rollback, and what was written (<see cref="Property"/>, <see cref="Text"/>).
/// </summary>
internal sealed record Problem(SkipReason Reason, int Member, int Attribute, string Title, string Property, string Text);

/// <summary>How resource names compare: trimmed, case-insensitive.</summary>
internal static class Resource
{
    public static bool Equals(string a, string b) =>
        string.Equals(a.Trim(), b.Trim(), System.StringComparison.OrdinalIgnoreCase);

    public static bool Contains(EquatableArray<string> resources, string resource)
    {
        foreach (var r in resources)
        {
            if (Equals(r, resource))
                return true;
        }
        return false;
    }
}

/// <summary>A <c>[Step]</c> method.</summary>
internal sealed record StepSpec(
    string MethodName,
    string Title,
    string? Section,
    bool StartsSection,
    string? Purpose,
    string? Instructions,
    bool Optional,
    long? TimeoutTicks,
    EquatableArray<string> Checks,
    EquatableArray<string> Commands,
    string? ApprovalRole,
    int ApprovalsRequired,
    bool AllowsSelfApproval,
    BackupSpec? Backup,
    EquatableArray<string> Modifies,
    EquatableArray<string> Destroys,
    EquatableArray<string> Verifies,
    string? RollbackWith,
    string? NoRollbackReason,
    EquatableArray<AcceptedRiskSpec> AcceptedRisks,
    AutomationSpec Automation,
    EquatableArray<RetrySpec> Retries,
    ConditionSpec? Condition,
    WaitSpec? Wait)
{
    public bool IsChange => Modifies.Count > 0 || Destroys.Count > 0;

    /// <summary>Modified then destroyed resources.</summary>
    public IEnumerable<string> ChangedResources
    {
        get
        {
            foreach (var resource in Modifies)
                yield return resource;
            foreach (var resource in Destroys)
                yield return resource;
        }
    }

    public bool IsApproval => ApprovalRole is not null;

    /// <summary>Optional, or applies only under a condition: the run may leave it out (the machine's <c>Skip</c>).</summary>
    public bool MayBeSkipped => Optional || Condition is not null;
}

/// <summary>A <c>[Rollback]</c> method.</summary>
internal sealed record RollbackSpec(
    string MethodName,
    string Title,
    string? Instructions,
    EquatableArray<string> Commands,
    AutomationSpec Automation,
    EquatableArray<RetrySpec> Retries,
    ConditionSpec? Condition);

