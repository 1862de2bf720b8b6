using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Analysis;

/// <summary>
/// The one catalog of CHK rules: ids, titles, messages, categories, default severities and help links.
/// Keep AnalyzerReleases.Unshipped.md and docs/rules/CHKnnn.md in step with it.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Every rule's help page is docs/rules/{id}.md under this base (the RepositoryUrl MSBuild property).</summary>
    public const string HelpLinkBase = RepositoryInfo.RulesUrl;

    public const string SafetyCategory = "ChecklistDsl.Safety";
    public const string SecurityCategory = "ChecklistDsl.Security";
    public const string UsageCategory = "ChecklistDsl.Usage";

    public static readonly DiagnosticDescriptor DestroyWithoutBackup = Create(
        "CHK001", "A destructive step has no backup before it",
        "Step '{0}' destroys '{1}' but no earlier step backs it up{2}; add a [Backup(\"{1}\")] step before it",
        SafetyCategory, DiagnosticSeverity.Error,
        "A step that deletes or overwrites data must come after a step that backs up that resource.");

    public static readonly DiagnosticDescriptor ChangeWithoutRollback = Create(
        "CHK002", "A production change has no rollback",
        "Step '{0}' changes '{1}' in a production checklist but has no rollback{2}; add [RollbackWith(nameof(...))] naming a [Rollback] method, or [NoRollback(\"why\")] with a real reason",
        SafetyCategory, DiagnosticSeverity.Error,
        "In a production checklist every step that modifies or destroys a resource names its rollback procedure or opts out with a reason.");

    public static readonly DiagnosticDescriptor RollbackWithNotARollback = Create(
        "CHK003", "RollbackWith does not name a rollback method",
        "Step '{0}' rolls back with '{1}', {2}; name a method of this class marked [Rollback]",
        UsageCategory, DiagnosticSeverity.Error,
        "[RollbackWith] must name, with nameof, a method of the checklist marked [Rollback].");

    public static readonly DiagnosticDescriptor ChangeBeforeApproval = Create(
        "CHK004", "Production is changed before an approval gate",
        "Step '{0}' is the first change to production ('{1}') but no earlier step is an approval; add an [Approval(\"role\")] step before it",
        SafetyCategory, DiagnosticSeverity.Error,
        "In a production checklist an [Approval] step must come strictly before the first step that modifies or destroys anything.");

    public static readonly DiagnosticDescriptor BackupNotVerifiedOrOffSite = Create(
        "CHK005", "A backup relied on by a destructive step is not verified or not off-site",
        "Step '{0}' backs up '{1}', which step '{2}' later destroys, but the backup is {3}; set {4} on its [Backup] once that is true",
        SafetyCategory, DiagnosticSeverity.Warning,
        "In a production checklist, the backup a destructive step relies on should have a tested restore (Verified) and a copy off the machine (OffSite).");

    public static readonly DiagnosticDescriptor NoVerificationAfterChanges = Create(
        "CHK006", "Nothing verifies the last change",
        "Step '{0}' is the last change ('{1}') but no step after it verifies anything; add a [Verifies(\"{2}\")] step after it",
        SafetyCategory, DiagnosticSeverity.Warning,
        "A checklist that changes something should end its changes with a read-only verification step.");

    public static readonly DiagnosticDescriptor VerifyStepChanges = Create(
        "CHK007", "A verification step also changes something",
        "Step '{0}' verifies '{1}' but also {2} '{3}'; a verification must be read-only, so move the change into its own step",
        SafetyCategory, DiagnosticSeverity.Error,
        "A [Verifies] step is read-only; it must not also carry [Modifies] or [Destroys].");

    public static readonly DiagnosticDescriptor UnknownPlaceholder = Create(
        "CHK008", "A command placeholder names no Input or Secret property",
        "{0} uses '{1}' in a [Command] but the checklist has no [Input] or [Secret] property named '{2}'; add [Input(\"...\")] public string {2} {{ get; init; }}, or write '{{{{' for a literal brace",
        UsageCategory, DiagnosticSeverity.Error,
        "Every {Name} in a command must name a property of the checklist marked [Input] or [Secret].");

    public static readonly DiagnosticDescriptor CredentialInSource = Create(
        "CHK009", "A literal looks like a credential",
        "{0} has what looks like {1} written in [{2}]; move it into a [Secret] property and refer to it as {{Name}} (or an environment variable)",
        SecurityCategory, DiagnosticSeverity.Error,
        "Credentials must not be written into commands or attributes: they would end up in the runbook, the journal and the repository.");

    public static readonly DiagnosticDescriptor InvalidAssumeSafe = Create(
        "CHK010", "AssumeSafe is invalid or unnecessary",
        "[AssumeSafe(\"{0}\")] on '{1}' {2}; {3}",
        UsageCategory, DiagnosticSeverity.Warning,
        "[AssumeSafe] must name a rule CHK001-CHK011 that would fire on that step, with a non-empty reason.");

    public static readonly DiagnosticDescriptor MalformedChecklist = Create(
        "CHK011", "The checklist class is malformed",
        "Checklist '{0}' {1}; {2}",
        UsageCategory, DiagnosticSeverity.Error,
        "A checklist is a partial class with at least one step, and no two steps share a title.");

    public static readonly DiagnosticDescriptor ConditionNamesNoInput = Create(
        "CHK012", "A condition names no input",
        "[When(\"{0}\")] on '{1}' names no [Input] property of the checklist{2}; name one with nameof(...)",
        UsageCategory, DiagnosticSeverity.Error,
        "[When] must name, with nameof, an [Input] property of the checklist (not a [Secret]: a plan is not chosen by a secret).");

    public static readonly DiagnosticDescriptor ConditionWithoutValue = Create(
        "CHK013", "A condition on an input that is not bool has no value",
        "[When(nameof({0}))] on '{1}' has no value, but {0} is not a bool input; write [When(nameof({0}), \"value\")], or make {0} a bool",
        UsageCategory, DiagnosticSeverity.Error,
        "[When(input)] alone means \"when the bool input is true\"; an input of another type needs the value it must equal.");

    public static readonly DiagnosticDescriptor ConditionNeverHolds = Create(
        "CHK014", "A condition can never hold",
        "[When(nameof({0}), \"{1}\")] on '{2}' can never hold: {3}; {4}",
        UsageCategory, DiagnosticSeverity.Error,
        "A step whose condition can never hold would never run: a bool input is true or false (or yes or no), and no input is blank.");

    public static readonly DiagnosticDescriptor ApprovalQuorumBelowOne = Create(
        "CHK015", "An approval gate requires fewer than one approval",
        "The approval of step '{0}' requires {1} approvals; Required must be at least 1 (leave it out for one approver)",
        UsageCategory, DiagnosticSeverity.Error,
        "[Approval(role, Required = n)] needs n distinct approvers before the run goes on; n below 1 would open the gate with nobody's approval.");

    /// <summary>
    /// CHK000, the generator's own: only for a failure inside the generator, which is a bug. Not in
    /// <see cref="All"/> (the analyzers never report it; no source is an example of it).
    /// </summary>
    public static readonly DiagnosticDescriptor NotGenerated = new(
        id: "CHK000",
        title: "ChecklistDsl could not generate a file",
        messageFormat: "ChecklistDsl could not generate '{0}': {1}. This is a bug in ChecklistDsl; please report it with the checklist's source.",
        category: "ChecklistDsl.Generator",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The generator failed on a checklist class and skipped it; every other reason a class is not generated is a CHK011 (or CHK003) the author can fix.",
        helpLinkUri: HelpLink("CHK000"));

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        DestroyWithoutBackup, ChangeWithoutRollback, RollbackWithNotARollback, ChangeBeforeApproval,
        BackupNotVerifiedOrOffSite, NoVerificationAfterChanges, VerifyStepChanges, UnknownPlaceholder,
        CredentialInSource, InvalidAssumeSafe, MalformedChecklist, ConditionNamesNoInput, ConditionWithoutValue,
        ConditionNeverHolds, ApprovalQuorumBelowOne);

    /// <summary>The help page of a rule.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(
        string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLink(id));
}
