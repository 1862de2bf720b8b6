using System.Collections.Generic;
using System.Linq;
using ChecklistDsl.Generators.Common;
using ChecklistDsl.Generators.Generation.Emitters;

namespace ChecklistDsl.Generators.Generation.Model;

/// <summary>
/// Everything the emitters need to know about one checklist class: plain values only (no symbols,
/// syntax or locations), so that the incremental pipeline can compare it by value.
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
    EquatableArray<RollbackSpec> Rollbacks)
{
    /// <summary>The class's full name as C# writes it, with <c>global::</c> (and <c>@</c> before a keyword).</summary>
    public string GlobalName => "global::" + string.Join(".", NameParts().Select(CSharpText.Identifier));

    /// <summary>The full name without <c>global::</c>; also the hint name of the generated file.</summary>
    public string FullName => string.Join(".", NameParts());

    private IEnumerable<string> NameParts()
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
/// An <c>[Input]</c> or <c>[Secret]</c> property. <c>IsBool</c>: a <c>bool</c> property, given as
/// true/false or yes/no. <c>IsSettable</c>: a string or bool property with a getter and a setter,
/// which the runner sets.
/// </summary>
internal sealed record InputSpec(string Name, string Description, bool IsSecret, string EnvironmentVariable, bool IsBool, bool IsSettable);

/// <summary>A <c>[When]</c>: the step applies when the bool input is true, or the input equals <see cref="Value"/>.</summary>
internal sealed record ConditionSpec(string Input, string? Value);

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
internal sealed record BackupSpec(EquatableArray<string> Resources, bool Verified, bool OffSite);

/// <summary>An <c>[AssumeSafe]</c>.</summary>
internal sealed record AcceptedRiskSpec(string RuleId, string Because);

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

/// <summary>What the pipeline's transform gives for one <c>[Checklist]</c> class: its spec, or the generator's failure on it.</summary>
internal sealed record ParsedChecklist(ChecklistSpec? Spec, ParseFailure? Failure);

/// <summary>The generator failed on a class (a bug): the file it could not write, and why.</summary>
internal sealed record ParseFailure(string HintName, string Message);

/// <summary>One line of the assembly-wide catalog.</summary>
internal sealed record CatalogEntry(string GlobalName);
