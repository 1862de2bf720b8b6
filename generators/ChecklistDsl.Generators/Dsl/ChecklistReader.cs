using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using ChecklistDsl.Generators.Common;
using ChecklistDsl.Generators.Dsl.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>
/// Reads a <c>[Checklist]</c> class into its one description, a <see cref="ChecklistSpec"/>: the
/// generator emits it, the analyzers' rules judge it. The reading is lenient: it goes on past what is
/// malformed and lists each such thing as a <see cref="Problem"/> (a <see cref="SkipReason"/>), so the
/// analyzers can report every one and the generator skips the class. Never throws on bad input.
/// </summary>
internal static class ChecklistReader
{
    /// <summary>Names the generated code declares in the checklist class.</summary>
    internal static readonly ImmutableHashSet<string> GeneratedMemberNames = ImmutableHashSet.Create(
        "Step", "Trigger", "Definition", "Markdown", "CreateStateMachine", "ConfigureStateMachine", "CreateChecklistMachine", "StateMachineTable");

    /// <summary>State names the machine reserves for itself (the steps' and rollbacks' states are their method names).</summary>
    internal static readonly ImmutableHashSet<string> ReservedStateNames = ImmutableHashSet.Create(Shared.ReservedStateNames.All);

    // The runtime's defaults (ChecklistDsl.CommandRetry, ChecklistDsl.WaitDefinition), written into the plan.
    internal const long CommandRetryDefaultDelayTicks = 5 * TimeSpan.TicksPerSecond;
    internal const long WaitDefaultEveryTicks = 10 * TimeSpan.TicksPerSecond;
    internal const long WaitDefaultTimeoutTicks = 5 * TimeSpan.TicksPerMinute;

    /// <summary>The class's first <c>[Checklist]</c>, or null.</summary>
    public static AttributeData? ChecklistAttribute(INamedTypeSymbol type) => AttributeReader.Find(type, KnownNames.Checklist);

    /// <summary>
    /// The description of <paramref name="type"/>, whose <c>[Checklist]</c> is <paramref name="checklist"/>.
    /// With a <paramref name="sources"/> map (the analyzers'), also where each part was written.
    /// </summary>
    public static ChecklistSpec Read(INamedTypeSymbol type, AttributeData checklist, SyntaxAttributeReader reader, CancellationToken cancellationToken, SourceMap? sources = null)
    {
        var problems = new List<Problem>();
        var containing = ClassProblems(type, problems, cancellationToken);
        var checklistAttribute = DslAttribute.FromData(checklist, KnownNames.Checklist);
        sources?.SetChecklist(checklistAttribute);

        var methods = type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary)
            .OrderBy(m => m, Declarations.Order)
            .ToList();

        var steps = new List<StepSpec>();
        var rollbacks = new List<RollbackSpec>();
        var assumptions = new List<AssumptionSpec>();
        var stateNames = new HashSet<string>(ReservedStateNames);
        string? section = null;
        for (var member = 0; member < methods.Count; member++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var method = methods[member];
            var attributes = reader.Read(method);
            sources?.AddMethod(method, attributes);
            AddAssumptions(method.Name, attributes, assumptions);
            var step = Find(attributes, KnownNames.Step);
            var rollback = Find(attributes, KnownNames.Rollback);
            if (step is null && rollback is null)
                continue;
            var title = Text((step ?? rollback)!.String(0)) ?? Naming.Title(method.Name);
            if (step is not null && rollback is not null)
                Add(problems, SkipReason.StepAndRollback, member, -1, title); // a method is on the forward path or a rollback, not both
            else if (!stateNames.Add(method.Name))
                Add(problems, SkipReason.StateNameTaken, member, -1, title, text: method.Name); // overloads or a reserved name: no unique state name
            if (step is not null)
            {
                steps.Add(ReadStep(method, member, title, attributes, step, ref section, problems));
                sources?.AddStep(member);
            }
            else
            {
                rollbacks.Add(ReadRollback(method, member, title, attributes, rollback!, problems));
                sources?.AddRollback(member);
            }
        }
        if (steps.Count == 0)
            Add(problems, SkipReason.NoSteps, -1, -1, "");
        foreach (var step in steps)
        {
            if (step.RollbackWith is { } name && (name.Length == 0 || !rollbacks.Any(r => r.MethodName == name)))
                Add(problems, SkipReason.RollbackWithNamesNoRollback, -1, -1, step.Title, text: name); // CHK003 explains
        }

        return new ChecklistSpec(
            Namespace: type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "",
            ContainingTypes: containing,
            ClassName: type.Name,
            Title: Text(checklistAttribute.String(0)) ?? Naming.Title(type.Name),
            Summary: Text(checklistAttribute.NamedString("Summary")),
            Owner: Text(checklistAttribute.NamedString("Owner")),
            Environment: Text(checklistAttribute.NamedString("Environment")),
            IsProduction: KnownNames.IsProduction(checklistAttribute.NamedString("Environment")),
            CanCreateInstance: !type.IsAbstract && !type.IsStatic && type.InstanceConstructors.Any(c => c.Parameters.Length == 0),
            Inputs: Inputs(type, reader, sources),
            Steps: steps.ToEquatableArray(),
            Rollbacks: rollbacks.ToEquatableArray(),
            Assumptions: assumptions.ToEquatableArray(),
            Problems: problems.ToEquatableArray());
    }

    /// <summary>A step's or rollback's title as the runbook shows it: the explicit one, or the method name humanized.</summary>
    public static string TitleOf(IMethodSymbol method)
    {
        var attribute = AttributeReader.Find(method, KnownNames.Step) ?? AttributeReader.Find(method, KnownNames.Rollback);
        var title = attribute is null ? null : DslAttribute.FromData(attribute, KnownNames.Step).String(0);
        return Text(title) ?? Naming.Title(method.Name);
    }

    /// <summary>A time span as the DSL writes one (Timeout, RetryDelay, Every): <see cref="TimeSpan"/> text, invariant culture, longer than zero.</summary>
    internal static TimeSpan? TryParseTimeSpan(string text) =>
        TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;

    private static StepSpec ReadStep(IMethodSymbol method, int member, string title, IReadOnlyList<DslAttribute> attributes, DslAttribute step, ref string? section, List<Problem> problems)
    {
        var sectionAttribute = Find(attributes, KnownNames.Section);
        var startsSection = false;
        if (sectionAttribute is not null && Text(sectionAttribute.String(0)) is { } sectionTitle)
        {
            section = sectionTitle;
            startsSection = true;
        }

        long? timeoutTicks = null;
        if (Text(step.NamedString("Timeout")) is { } timeoutText)
        {
            if (TryParseTimeSpan(timeoutText) is { } timeout)
                timeoutTicks = timeout.Ticks;
            else
                Add(problems, SkipReason.MalformedTimeout, member, IndexOf(attributes, step), title, "Timeout", step.NamedString("Timeout")!);
        }

        var commands = Commands(attributes, member, title, problems, out var retries);
        WaitSpec? wait = null;
        if (Find(attributes, KnownNames.WaitUntil) is { } waitUntil)
            wait = Wait(waitUntil, member, IndexOf(attributes, waitUntil), title, problems);
        var backup = Find(attributes, KnownNames.Backup);
        var approval = Find(attributes, KnownNames.Approval);
        var approvalsRequired = approval?.NamedInt("Required") ?? 1;
        if (approvalsRequired < 1)
            Add(problems, SkipReason.ApprovalQuorumBelowOne, member, IndexOf(attributes, approval!), title); // a quorum of nobody (CHK015)
        var noRollback = Find(attributes, KnownNames.NoRollback);

        return new StepSpec(
            MethodName: method.Name,
            Title: title,
            Section: section,
            StartsSection: startsSection,
            Purpose: Text(step.NamedString("Purpose")),
            Instructions: Text(step.NamedString("Instructions")),
            Optional: step.NamedBool("Optional"),
            TimeoutTicks: timeoutTicks,
            Checks: Texts(attributes, KnownNames.Check),
            Commands: commands,
            ApprovalRole: approval is null ? null : Text(approval.String(0)) ?? "Approver",
            ApprovalsRequired: approvalsRequired,
            AllowsSelfApproval: approval?.NamedBool("AllowSelfApproval") ?? false,
            Backup: backup is null ? null : new BackupSpec(backup.Strings().ToEquatableArray(), backup.NamedBool("Verified"), backup.NamedBool("OffSite")),
            Modifies: Resources(attributes, KnownNames.Modifies),
            Destroys: Resources(attributes, KnownNames.Destroys),
            Verifies: Resources(attributes, KnownNames.Verifies),
            // "" when it names nothing: a problem (RollbackWithNamesNoRollback) that CHK003 explains.
            RollbackWith: Find(attributes, KnownNames.RollbackWith) is { } rollbackWith ? Text(rollbackWith.String(0)) ?? "" : null,
            NoRollbackReason: noRollback is null ? null : Text(noRollback.String(0)) ?? "",
            AcceptedRisks: AcceptedRisks(attributes),
            Automation: Automation(method),
            Retries: retries,
            // A condition naming no input, or one that can never hold, is the analyzers' to refuse
            // (CHK012-CHK014); the generator writes what the author wrote.
            Condition: Condition(Find(attributes, KnownNames.When)),
            Wait: wait);
    }

    private static RollbackSpec ReadRollback(IMethodSymbol method, int member, string title, IReadOnlyList<DslAttribute> attributes, DslAttribute rollback, List<Problem> problems) =>
        new(
            MethodName: method.Name,
            Title: title,
            Instructions: Text(rollback.NamedString("Instructions")),
            Commands: Commands(attributes, member, title, problems, out var retries),
            Automation: Automation(method),
            Retries: retries,
            Condition: Condition(Find(attributes, KnownNames.When)));

    /// <summary>
    /// The method's commands (blank ones dropped) and the retries of those that have them; a negative
    /// Retries or a RetryDelay that is not a positive time span is a problem (MalformedRetry).
    /// </summary>
    private static EquatableArray<string> Commands(IReadOnlyList<DslAttribute> attributes, int member, string title, List<Problem> problems, out EquatableArray<RetrySpec> retries)
    {
        List<string>? commands = null;
        List<RetrySpec>? retried = null;
        retries = EquatableArray<RetrySpec>.Empty;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (attribute.MetadataName != KnownNames.Command || attribute.String(0) is not { } line || line.Trim().Length == 0)
                continue;
            (commands ??= new List<string>()).Add(line);
            var count = attribute.NamedInt("Retries") ?? 0;
            if (count < 0)
                Add(problems, SkipReason.MalformedRetry, member, i, title, "Retries", count.ToString(CultureInfo.InvariantCulture));
            long delay = CommandRetryDefaultDelayTicks;
            if (Text(attribute.NamedString("RetryDelay")) is { } delayText)
            {
                if (TryParseTimeSpan(delayText) is { } parsed)
                    delay = parsed.Ticks;
                else
                    Add(problems, SkipReason.MalformedRetry, member, i, title, "RetryDelay", attribute.NamedString("RetryDelay")!);
            }
            if (count > 0)
                (retried ??= new List<RetrySpec>()).Add(new RetrySpec(commands.Count - 1, count, delay));
        }
        if (retried is not null)
            retries = retried.ToEquatableArray();
        return commands is null ? EquatableArray<string>.Empty : commands.ToEquatableArray();
    }

    /// <summary>
    /// A <c>[When]</c> as written. One naming no input, or one that can never hold, is the analyzers'
    /// to refuse (CHK012-CHK014); the generator writes what the author wrote.
    /// </summary>
    private static ConditionSpec? Condition(DslAttribute? when) =>
        when is null ? null : new ConditionSpec(Text(when.String(0)) ?? "", when.Arguments.Count > 1 ? when.String(1) ?? "" : null);

    /// <summary>A <c>[WaitUntil]</c>; with no command, or an Every or Timeout that is not a positive time span, a problem and null.</summary>
    private static WaitSpec? Wait(DslAttribute waitUntil, int member, int index, string title, List<Problem> problems)
    {
        var before = problems.Count;
        if (Text(waitUntil.String(0)) is null)
            Add(problems, SkipReason.MalformedWait, member, index, title);
        var every = TimeOrDefault(waitUntil, "Every", WaitDefaultEveryTicks, member, index, title, problems);
        var timeout = TimeOrDefault(waitUntil, "Timeout", WaitDefaultTimeoutTicks, member, index, title, problems);
        return problems.Count > before ? null : new WaitSpec(waitUntil.String(0)!, every, timeout);
    }

    private static long TimeOrDefault(DslAttribute attribute, string property, long defaultTicks, int member, int index, string title, List<Problem> problems)
    {
        if (Text(attribute.NamedString(property)) is not { } given)
            return defaultTicks;
        if (TryParseTimeSpan(given) is { } span)
            return span.Ticks;
        Add(problems, SkipReason.MalformedWait, member, index, title, property, attribute.NamedString(property)!);
        return defaultTicks;
    }

    private static void AddAssumptions(string methodName, IReadOnlyList<DslAttribute> attributes, List<AssumptionSpec> assumptions)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].MetadataName == KnownNames.AssumeSafe)
                assumptions.Add(new AssumptionSpec(methodName, attributes[i].String(0), attributes[i].String(1)));
        }
    }

    /// <summary>The step's <c>[AssumeSafe]</c>s that name a rule, as the runbook lists them.</summary>
    private static EquatableArray<AcceptedRiskSpec> AcceptedRisks(IReadOnlyList<DslAttribute> attributes)
    {
        List<AcceptedRiskSpec>? risks = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].MetadataName == KnownNames.AssumeSafe && Text(attributes[i].String(0)) is { } ruleId)
                (risks ??= new List<AcceptedRiskSpec>()).Add(new AcceptedRiskSpec(ruleId, Text(attributes[i].String(1)) ?? ""));
        }
        return risks is null ? EquatableArray<AcceptedRiskSpec>.Empty : risks.ToEquatableArray();
    }

    /// <summary>
    /// The <c>[Input]</c> and <c>[Secret]</c> properties of the class, then of its base classes (a
    /// command may name either). A base class's own members are read where it is declared.
    /// </summary>
    private static EquatableArray<InputSpec> Inputs(INamedTypeSymbol type, SyntaxAttributeReader reader, SourceMap? sources)
    {
        List<InputSpec>? inputs = null;
        HashSet<string>? seen = null;
        // Most checklists name no base class: say so from syntax rather than bind the base list.
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = MayHaveBaseClass(t) ? t.BaseType : null)
        {
            var inherited = !ReferenceEquals(t, type);
            var properties = t.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && !p.IsIndexer);
            if (!inherited)
                properties = properties.OrderBy(p => p, Declarations.Order);
            else if (t.DeclaringSyntaxReferences.Length > 0)
                reader.DependsOnOtherDeclarations();
            foreach (var property in properties)
            {
                if (inherited && (property.DeclaredAccessibility == Accessibility.Private || (seen?.Contains(property.Name) ?? false)))
                    continue;
                var attributes = inherited && t.DeclaringSyntaxReferences.Length == 0 ? reader.ReadFromSymbol(property) : reader.Read(property);
                sources?.AddProperty(property, attributes);
                var secret = Find(attributes, KnownNames.Secret);
                var input = secret ?? Find(attributes, KnownNames.Input);
                if (input is null)
                    continue;
                if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(property.Name))
                    continue;
                var isBool = property.Type.SpecialType == SpecialType.System_Boolean;
                (inputs ??= new List<InputSpec>()).Add(new InputSpec(
                    Name: property.Name,
                    Description: Text(input.String(0)) ?? Naming.Title(property.Name),
                    IsSecret: secret is not null,
                    EnvironmentVariable: Naming.EnvironmentVariable(property.Name),
                    IsBool: isBool,
                    // The runner sets only the class's own properties.
                    IsSettable: !inherited && (isBool || property.Type.SpecialType == SpecialType.System_String) && property.SetMethod is not null && property.GetMethod is not null));
            }
        }
        return inputs is null ? EquatableArray<InputSpec>.Empty : inputs.ToEquatableArray();
    }

    /// <summary>Whether a declaration of the type has a base list (a source type without one derives from object).</summary>
    private static bool MayHaveBaseClass(INamedTypeSymbol type)
    {
        if (type.DeclaringSyntaxReferences.Length == 0)
            return true;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax { BaseList: null })
                return true;
        }
        return false;
    }

    /// <summary>
    /// <c>void M(StepContext)</c> or <c>Task M(StepContext)</c> is automation; any other shape is a
    /// manual step whose method is never called.
    /// </summary>
    private static AutomationSpec Automation(IMethodSymbol method)
    {
        // Most steps are manual and take no parameter: say so from syntax, before binding a signature.
        if (method.DeclaringSyntaxReferences.Length == 1 && method.DeclaringSyntaxReferences[0].GetSyntax() is MethodDeclarationSyntax { ParameterList.Parameters.Count: not 1 })
            return new AutomationSpec(AutomationKind.None, false);
        if (method.IsGenericMethod || method.Parameters.Length != 1 || method.Parameters[0].RefKind != RefKind.None
            || !IsType(method.Parameters[0].Type, "StepContext", "ChecklistDsl"))
            return new AutomationSpec(AutomationKind.None, false);
        if (method.ReturnsVoid)
            return new AutomationSpec(AutomationKind.Sync, method.IsStatic);
        if (IsType(method.ReturnType, "Task", "System.Threading.Tasks"))
            return new AutomationSpec(AutomationKind.Async, method.IsStatic);
        return new AutomationSpec(AutomationKind.None, false);
    }

    /// <summary>
    /// Exactly the non-generic, non-nullable-annotated type <paramref name="ns"/>.<paramref name="name"/>
    /// (compared in place: a display string per method cost more than the rest of the method's reading).
    /// </summary>
    private static bool IsType(ITypeSymbol type, string name, string ns) =>
        type is INamedTypeSymbol { Arity: 0, ContainingType: null, TypeKind: not TypeKind.Error } named
        && named.NullableAnnotation != NullableAnnotation.Annotated
        && named.Name == name
        && named.ContainingNamespace?.ToDisplayString() == ns;

    // Loops, not LINQ: these run several times per step, and a query with a captured name allocates
    // a closure and a delegate each time.
    private static DslAttribute? Find(IReadOnlyList<DslAttribute> attributes, string metadataName)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].MetadataName == metadataName)
                return attributes[i];
        }
        return null;
    }

    private static int IndexOf(IReadOnlyList<DslAttribute> attributes, DslAttribute attribute)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (ReferenceEquals(attributes[i], attribute))
                return i;
        }
        return -1;
    }

    private static EquatableArray<string> Texts(IReadOnlyList<DslAttribute> attributes, string attribute)
    {
        List<string>? texts = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].MetadataName == attribute && attributes[i].String(0) is { } text && text.Trim().Length > 0)
                (texts ??= new List<string>()).Add(text);
        }
        return texts is null ? EquatableArray<string>.Empty : texts.ToEquatableArray();
    }

    private static EquatableArray<string> Resources(IReadOnlyList<DslAttribute> attributes, string attribute) =>
        Find(attributes, attribute) is { } found ? found.Strings().ToEquatableArray() : EquatableArray<string>.Empty;

    /// <summary>Trimmed text, or null when blank.</summary>
    private static string? Text(string? value) => value is null || value.Trim().Length == 0 ? null : value.Trim();

    private static void Add(List<Problem> problems, SkipReason reason, int member, int attribute, string title, string property = "", string text = "") =>
        problems.Add(new Problem(reason, member, attribute, title, property, text));

    /// <summary>What keeps the class itself from being generated, whatever its members say; and its containing types.</summary>
    private static EquatableArray<ContainingTypeSpec> ClassProblems(INamedTypeSymbol type, List<Problem> problems, CancellationToken cancellationToken)
    {
        if (type.IsRecord || type.TypeKind != TypeKind.Class)
            Add(problems, SkipReason.NotAClass, -1, -1, "", text: type.IsRecord ? "record" : type.TypeKind.ToString().ToLowerInvariant());
        if (type.IsGenericType)
            Add(problems, SkipReason.Generic, -1, -1, "");
        if (!Declarations.IsPartial(type, cancellationToken))
            Add(problems, SkipReason.NotPartial, -1, -1, "");
        if (GeneratedMemberNames.Contains(type.Name))
            Add(problems, SkipReason.NamedLikeGeneratedMember, -1, -1, "", text: type.Name); // a nested Step or Trigger enum cannot be named like its class (CS0542)
        for (var t = type; t is not null; t = t.ContainingType)
        {
            // The assembly's catalog must be able to name it.
            if (t.IsFileLocal || t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                Add(problems, SkipReason.NotVisibleToCatalog, -1, -1, "", ReferenceEquals(t, type) ? "" : t.Name, t.IsFileLocal ? "file-local" : "private or protected");
                break;
            }
        }
        var containing = new List<ContainingTypeSpec>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var keyword = outer switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
                { IsRecord: true } => "record",
                { TypeKind: TypeKind.Struct } => "struct",
                { TypeKind: TypeKind.Interface } => "interface",
                { TypeKind: TypeKind.Class } => "class",
                _ => null,
            };
            var why = outer.IsGenericType ? "generic" : !Declarations.IsPartial(outer, cancellationToken) ? "not partial" : keyword is null ? "not a class, struct, record or interface" : null;
            if (why is not null)
                Add(problems, SkipReason.UnsupportedContainingType, -1, -1, "", outer.Name, why);
            containing.Insert(0, new ContainingTypeSpec(keyword ?? "", outer.Name));
        }
        foreach (var member in type.GetMembers())
        {
            // The analyzers' compilation holds the generator's own output: only the author's members count.
            if (GeneratedMemberNames.Contains(member.Name) && member.Locations.Any(l => l.IsInSource && !IsGenerated(l.SourceTree!)))
                Add(problems, SkipReason.DeclaresGeneratedMember, -1, -1, "", text: member.Name);
        }
        return containing.ToEquatableArray();
    }

    private static bool IsGenerated(SyntaxTree tree) =>
        tree.FilePath.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
        || tree.GetRoot().GetLeadingTrivia().ToString().Contains("<auto-generated");
}
