using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Analysis.Plan;

/// <summary>
/// A checklist's plan as the analyzers see it, read once per class by <see cref="PlanReader"/> and
/// shared by every rule. Malformed attributes are left out rather than reported.
/// </summary>
internal sealed class ChecklistPlan
{
    public ChecklistPlan(
        INamedTypeSymbol type, string title, bool isProduction, bool isPartial, Location identifierLocation,
        ImmutableArray<PlanStep> steps, ImmutableArray<PlanMethod> rollbacks, ImmutableHashSet<string> inputNames,
        ImmutableHashSet<string> boolInputs, ImmutableHashSet<string> secretNames,
        ImmutableArray<PlanAssumption> assumptions, ImmutableArray<PlanAttribute> dslAttributes)
    {
        Type = type;
        Title = title;
        IsProduction = isProduction;
        IsPartial = isPartial;
        IdentifierLocation = identifierLocation;
        Steps = steps;
        Rollbacks = rollbacks;
        InputNames = inputNames;
        BoolInputs = boolInputs;
        SecretNames = secretNames;
        Assumptions = assumptions;
        DslAttributes = dslAttributes;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The [Checklist] title, or the class name humanized.</summary>
    public string Title { get; }

    /// <summary>Environment is "production", "prod" or "live" (any case, trimmed).</summary>
    public bool IsProduction { get; }

    public bool IsPartial { get; }

    /// <summary>The class name in its first declaration.</summary>
    public Location IdentifierLocation { get; }

    /// <summary>
    /// Steps in declaration order: by source position; for a class split over partial files, by
    /// file path first, then position.
    /// </summary>
    public ImmutableArray<PlanStep> Steps { get; }

    /// <summary>Methods marked [Rollback].</summary>
    public ImmutableArray<PlanMethod> Rollbacks { get; }

    /// <summary>Names of the properties marked [Input] or [Secret] (this class and its bases).</summary>
    public ImmutableHashSet<string> InputNames { get; }

    /// <summary>Names of the [Input] properties of type bool (this class and its bases).</summary>
    public ImmutableHashSet<string> BoolInputs { get; }

    /// <summary>Names of the [Secret] properties (this class and its bases).</summary>
    public ImmutableHashSet<string> SecretNames { get; }

    /// <summary>Every [AssumeSafe] on a method of the class.</summary>
    public ImmutableArray<PlanAssumption> Assumptions { get; }

    /// <summary>Every ChecklistDsl attribute on the class, its methods and its properties.</summary>
    public ImmutableArray<PlanAttribute> DslAttributes { get; }

    /// <summary>Names of every member of the class (for code fixes choosing fresh names, and CHK003).</summary>
    public ImmutableHashSet<string> MemberNames => _memberNames ??= ReadMemberNames(Type);

    // Only CHK003 asks, and only for a [RollbackWith] naming no rollback: not built for every plan.
    private ImmutableHashSet<string>? _memberNames;

    private static ImmutableHashSet<string> ReadMemberNames(INamedTypeSymbol type)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
        foreach (var member in type.GetMembers())
            names.Add(member.Name);
        return names.ToImmutable();
    }
}

/// <summary>A method of the checklist that carries commands: a step or a rollback procedure.</summary>
internal class PlanMethod
{
    public PlanMethod(IMethodSymbol method, string title, Location identifierLocation, ImmutableArray<PlanAttribute> commands, PlanCondition? condition)
    {
        Method = method;
        Title = title;
        IdentifierLocation = identifierLocation;
        Commands = commands;
        Condition = condition;
    }

    /// <summary>Its [When], or null: it always applies.</summary>
    public PlanCondition? Condition { get; }

    /// <summary>Whether it applies on every run in which <paramref name="other"/> applies (the same condition, or none).</summary>
    public bool AppliesWhenever(PlanMethod other) =>
        Condition is null || (other.Condition is not null && Condition.SameAs(other.Condition));

    public IMethodSymbol Method { get; }

    /// <summary>The explicit title, or the method name humanized.</summary>
    public string Title { get; }

    public Location IdentifierLocation { get; }

    /// <summary>The [Command] attributes, in source order; <see cref="PlanAttribute.Text"/> is the line.</summary>
    public ImmutableArray<PlanAttribute> Commands { get; }

    /// <summary>How messages name it: "Step 'X'" or "Rollback 'X'".</summary>
    public virtual string Display => "Rollback '" + Title + "'";
}

/// <summary>A method marked [Step].</summary>
internal sealed class PlanStep : PlanMethod
{
    public PlanStep(
        IMethodSymbol method, string title, Location identifierLocation, ImmutableArray<PlanAttribute> commands,
        int index, PlanAttribute stepAttribute, ResourceAttribute? backup, ResourceAttribute? modifies,
        ResourceAttribute? destroys, ResourceAttribute? verifies, PlanAttribute? approval,
        PlanAttribute? rollbackWith, PlanAttribute? noRollback, PlanCondition? condition)
        : base(method, title, identifierLocation, commands, condition)
    {
        Index = index;
        StepAttribute = stepAttribute;
        Backup = backup;
        Modifies = modifies;
        Destroys = destroys;
        Verifies = verifies;
        Approval = approval;
        RollbackWith = rollbackWith;
        NoRollback = noRollback;
    }

    /// <summary>Position in <see cref="ChecklistPlan.Steps"/>.</summary>
    public int Index { get; }

    public PlanAttribute StepAttribute { get; }
    public ResourceAttribute? Backup { get; }
    public ResourceAttribute? Modifies { get; }
    public ResourceAttribute? Destroys { get; }
    public ResourceAttribute? Verifies { get; }
    public PlanAttribute? Approval { get; }

    /// <summary>[RollbackWith]; <see cref="PlanAttribute.Text"/> is the method name (null when not a string).</summary>
    public PlanAttribute? RollbackWith { get; }

    /// <summary>[NoRollback]; <see cref="PlanAttribute.Text"/> is the reason.</summary>
    public PlanAttribute? NoRollback { get; }

    /// <summary>A changing step has [Modifies] or [Destroys] with at least one resource.</summary>
    public bool IsChanging => Modifies?.Resources.Length > 0 || Destroys?.Resources.Length > 0;

    /// <summary>Modified then destroyed resources.</summary>
    public ImmutableArray<string> ChangedResources =>
        (Modifies?.Resources ?? ImmutableArray<string>.Empty).AddRange(Destroys?.Resources ?? ImmutableArray<string>.Empty);

    public override string Display => "Step '" + Title + "'";
}

/// <summary>A [When(input)] or [When(input, value)].</summary>
internal sealed class PlanCondition
{
    public PlanCondition(PlanAttribute attribute, string? input, string? value, bool hasValue)
    {
        Attribute = attribute;
        Input = input;
        Value = value;
        HasValue = hasValue;
    }

    public PlanAttribute Attribute { get; }

    /// <summary>The input's name as written (null when not a string).</summary>
    public string? Input { get; }

    /// <summary>The value, when the two-argument form is used.</summary>
    public string? Value { get; }

    public bool HasValue { get; }

    /// <summary>How messages say it: <c>UsesCdn is true</c>, <c>CacheBackend is "redis"</c>.</summary>
    public string Describe() => HasValue ? Input + " is \"" + Value + "\"" : Input + " is true";

    public bool SameAs(PlanCondition other) =>
        string.Equals(Input?.Trim(), other.Input?.Trim(), System.StringComparison.Ordinal)
        && HasValue == other.HasValue
        && string.Equals(Value?.Trim(), other.Value?.Trim(), System.StringComparison.OrdinalIgnoreCase);
}

/// <summary>One ChecklistDsl attribute application, with its first string argument (if any).</summary>
internal sealed class PlanAttribute
{
    public PlanAttribute(AttributeData data, Location location, string? text, IMethodSymbol? ownerMethod)
    {
        Data = data;
        Location = location;
        Text = text;
        OwnerMethod = ownerMethod;
    }

    public AttributeData Data { get; }

    /// <summary>The attribute's syntax.</summary>
    public Location Location { get; }

    /// <summary>The first constructor argument, when it is a string.</summary>
    public string? Text { get; }

    /// <summary>The method the attribute is on, if any.</summary>
    public IMethodSymbol? OwnerMethod { get; }

    /// <summary>The attribute's short name, as written in source: "Command" for CommandAttribute.</summary>
    public string ShortName
    {
        get
        {
            var name = Data.AttributeClass?.Name ?? "";
            return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 9) : name;
        }
    }
}

/// <summary>[Backup], [Modifies], [Destroys] or [Verifies]: resources trimmed, empty names dropped.</summary>
internal sealed class ResourceAttribute
{
    public ResourceAttribute(PlanAttribute attribute, ImmutableArray<string> resources, bool verified, bool offSite)
    {
        Attribute = attribute;
        Resources = resources;
        Verified = verified;
        OffSite = offSite;
    }

    public PlanAttribute Attribute { get; }
    public ImmutableArray<string> Resources { get; }

    /// <summary>[Backup] only: the restore was tested.</summary>
    public bool Verified { get; }

    /// <summary>[Backup] only: a copy is kept off-site.</summary>
    public bool OffSite { get; }

    public bool Contains(string resource)
    {
        foreach (var r in Resources)
        {
            if (Resource.Equals(r, resource))
                return true;
        }
        return false;
    }
}

/// <summary>An [AssumeSafe(ruleId, because)] on a method.</summary>
internal sealed class PlanAssumption
{
    public PlanAssumption(PlanAttribute attribute, string? ruleId, string? because)
    {
        Attribute = attribute;
        RuleId = ruleId;
        Because = because;
    }

    public PlanAttribute Attribute { get; }

    /// <summary>The rule id as written (may be unknown or null).</summary>
    public string? RuleId { get; }

    public string? Because { get; }

    /// <summary>The method it is on.</summary>
    public IMethodSymbol Method => Attribute.OwnerMethod!;

    public bool HasReason => !string.IsNullOrWhiteSpace(Because);

    /// <summary>Whether this accepts findings of the given rule (given a reason).</summary>
    public bool Accepts(string ruleId) =>
        HasReason && RuleId is not null && string.Equals(RuleId.Trim(), ruleId, System.StringComparison.OrdinalIgnoreCase);
}

/// <summary>How resource names compare: trimmed, case-insensitive.</summary>
internal static class Resource
{
    public static bool Equals(string a, string b) =>
        string.Equals(a.Trim(), b.Trim(), System.StringComparison.OrdinalIgnoreCase);
}
