using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using ChecklistDsl.Generators.Common;
using ChecklistDsl.Generators.Generation.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static ChecklistDsl.Generators.Generation.Parsing.AttributeReader;

namespace ChecklistDsl.Generators.Generation.Parsing;

/// <summary>
/// Turns a <c>[Checklist]</c> class into a <see cref="ChecklistSpec"/>, or into nothing when the class
/// cannot be generated (the analyzers say why). Never throws.
/// </summary>
internal static class ChecklistParser
{
    /// <summary>Names the generated code declares in the checklist class.</summary>
    internal static readonly ImmutableHashSet<string> GeneratedMemberNames = ImmutableHashSet.Create(
        "Step", "Trigger", "Definition", "Markdown", "CreateStateMachine", "ConfigureStateMachine", "CreateChecklistMachine", "StateMachineTable", "DefinitionData");

    /// <summary>State names the machine reserves for itself.</summary>
    internal static readonly ImmutableHashSet<string> ReservedStateNames = ImmutableHashSet.Create(global::ChecklistDsl.Shared.ReservedStateNames.All);

    /// <summary>Tests stand in for a bug here (the generator's own failure, CHK000); null otherwise.</summary>
    [ThreadStatic]
    internal static Action<INamedTypeSymbol>? FailForTesting;

    /// <summary>
    /// The pipeline's transform: the class's spec, or null when it is skipped. A skip the author can
    /// fix is the analyzers' to explain; the generator's own failure comes back as a
    /// <see cref="ParsedChecklist.Failure"/> for the generator to report (CHK000).
    /// </summary>
    public static ParsedChecklist? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
            return null;
        try
        {
            // A class with [Checklist] on several of its partial declarations is reached once per
            // declaration; only the first declaration generates, or two files would share a hint name (CS8785).
            if (!IsFirstChecklistDeclaration(type, context.TargetNode, cancellationToken))
                return null;
            FailForTesting?.Invoke(type);
            var compilation = context.SemanticModel.Compilation;
            if (ParsedChecklistCache.TryGet(context.TargetNode, type, compilation, out var cached))
                return cached is null ? null : new ParsedChecklist(cached, null);
            var reader = new SyntaxAttributeReader(compilation, cancellationToken);
            var spec = Parse(type, context.Attributes[0], reader, cancellationToken, out _);
            if (reader.AllFromSyntax && reader.IsLiteral(context.Attributes[0], type))
                ParsedChecklistCache.Add(context.TargetNode, type, compilation, reader.LookedUp, spec);
            return spec is null ? null : new ParsedChecklist(spec, null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Malformed source can surprise any symbol API; a generator must skip, not crash (CS8785),
            // and say so (SkipReason.GeneratorFailure).
            return new ParsedChecklist(null, new ParseFailure(type.ToDisplayString() + ".g.cs", exception.GetType().Name + ": " + exception.Message));
        }
    }

    internal static ChecklistSpec? Parse(INamedTypeSymbol type, AttributeData checklist, SyntaxAttributeReader reader, CancellationToken cancellationToken) =>
        Parse(type, checklist, reader, cancellationToken, out _);

    /// <summary>The spec, or null and the <paramref name="reason"/> the class is skipped for.</summary>
    internal static ChecklistSpec? Parse(INamedTypeSymbol type, AttributeData checklist, SyntaxAttributeReader reader, CancellationToken cancellationToken, out SkipReason reason)
    {
        reason = Skip(type, cancellationToken, out var containing);
        if (reason != SkipReason.None)
            return null;

        var methods = type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary)
            .OrderBy(m => m, Declarations.Order)
            .ToList();

        var steps = new List<StepSpec>();
        reason = SkipReason.None;
        var rollbacks = new List<RollbackSpec>();
        var stateNames = new HashSet<string>(ReservedStateNames);
        string? section = null;
        foreach (var method in methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attributes = reader.Read(method);
            var step = Find(attributes, KnownNames.Step);
            var rollback = Find(attributes, KnownNames.Rollback);
            if (step is null && rollback is null)
                continue;
            if (step is not null && rollback is not null)
            {
                reason = SkipReason.StepAndRollback; // a method is either on the forward path or a rollback, not both
                return null;
            }
            if (!stateNames.Add(method.Name))
            {
                reason = SkipReason.StateNameTaken; // overloads or a reserved name: no unique state name
                return null;
            }
            if (step is not null)
            {
                var parsed = ParseStep(method, attributes, step, ref section, out reason);
                if (parsed is null)
                    return null;
                steps.Add(parsed);
            }
            else
            {
                var parsed = ParseRollback(method, attributes, rollback!);
                if (parsed is null)
                {
                    reason = SkipReason.MalformedRetry;
                    return null;
                }
                rollbacks.Add(parsed);
            }
        }
        if (steps.Count == 0)
        {
            reason = SkipReason.NoSteps;
            return null;
        }
        foreach (var step in steps)
        {
            if (step.RollbackWith is not null && !rollbacks.Any(r => r.MethodName == step.RollbackWith))
            {
                reason = SkipReason.RollbackWithNamesNoRollback; // CHK003 explains
                return null;
            }
        }

        var inputs = type.GetMembers().OfType<IPropertySymbol>()
            .OrderBy(p => p, Declarations.Order)
            .Select(property => ParseInput(property, reader))
            .Where(i => i is not null)
            .Select(i => i!)
            .ToEquatableArray();

        var className = type.Name;
        return new ChecklistSpec(
            Namespace: type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "",
            ContainingTypes: containing,
            ClassName: className,
            Title: Text(String(checklist, 0)) ?? Naming.Title(className),
            Summary: Text(NamedString(checklist, "Summary")),
            Owner: Text(NamedString(checklist, "Owner")),
            Environment: Text(NamedString(checklist, "Environment")),
            IsProduction: KnownNames.IsProduction(NamedString(checklist, "Environment")),
            CanCreateInstance: !type.IsAbstract && !type.IsStatic && type.InstanceConstructors.Any(c => c.Parameters.Length == 0),
            Inputs: inputs,
            Steps: steps.ToEquatableArray(),
            Rollbacks: rollbacks.ToEquatableArray());
    }

    private static StepSpec? ParseStep(IMethodSymbol method, IReadOnlyList<DslAttribute> attributes, DslAttribute step, ref string? section, out SkipReason reason)
    {
        reason = SkipReason.None;
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
            if (TryParseTimeout(timeoutText) is not { } timeout)
            {
                reason = SkipReason.MalformedTimeout; // CHK011 explains
                return null;
            }
            timeoutTicks = timeout.Ticks;
        }

        var commands = Commands(attributes, out var retries);
        if (commands is null)
        {
            reason = SkipReason.MalformedRetry; // CHK011 explains
            return null;
        }
        WaitSpec? wait = null;
        if (Find(attributes, KnownNames.WaitUntil) is { } waitUntil)
        {
            wait = Wait(waitUntil);
            if (wait is null)
            {
                reason = SkipReason.MalformedWait; // CHK011 explains
                return null;
            }
        }
        var backup = Find(attributes, KnownNames.Backup);
        var approval = Find(attributes, KnownNames.Approval);
        var approvalsRequired = approval?.NamedInt("Required") ?? 1;
        if (approvalsRequired < 1)
            return null; // a quorum of nobody cannot be generated (CHK015 explains)
        var rollbackWith = Find(attributes, KnownNames.RollbackWith);
        var noRollback = Find(attributes, KnownNames.NoRollback);
        string? rollbackName = null;
        if (rollbackWith is not null)
        {
            rollbackName = Text(rollbackWith.String(0));
            if (rollbackName is null)
            {
                reason = SkipReason.RollbackWithNamesNoRollback; // CHK003: names no method
                return null;
            }
        }

        return new StepSpec(
            MethodName: method.Name,
            Title: Text(step.String(0)) ?? Naming.Title(method.Name),
            Section: section,
            StartsSection: startsSection,
            Purpose: Text(step.NamedString("Purpose")),
            Instructions: Text(step.NamedString("Instructions")),
            Optional: step.NamedBool("Optional"),
            TimeoutTicks: timeoutTicks,
            Checks: Texts(attributes, KnownNames.Check),
            Commands: commands.Value,
            ApprovalRole: approval is null ? null : Text(approval.String(0)) ?? "Approver",
            ApprovalsRequired: approvalsRequired,
            AllowsSelfApproval: approval?.NamedBool("AllowSelfApproval") ?? false,
            Backup: backup is null ? null : new BackupSpec(backup.Strings().ToEquatableArray(), backup.NamedBool("Verified"), backup.NamedBool("OffSite")),
            Modifies: Resources(attributes, KnownNames.Modifies),
            Destroys: Resources(attributes, KnownNames.Destroys),
            Verifies: Resources(attributes, KnownNames.Verifies),
            RollbackWith: rollbackName,
            NoRollbackReason: noRollback is null ? null : Text(noRollback.String(0)) ?? "",
            AcceptedRisks: FindAll(attributes, KnownNames.AssumeSafe)
                .Select(a => new AcceptedRiskSpec(Text(a.String(0)) ?? "", Text(a.String(1)) ?? ""))
                .Where(r => r.RuleId.Length > 0)
                .ToEquatableArray(),
            Automation: Automation(method),
            Retries: retries,
            // A condition naming no input, or one that can never hold, is the analyzers' to refuse
            // (CHK012-CHK014); the generator writes what the author wrote.
            Condition: Condition(Find(attributes, KnownNames.When)),
            Wait: wait);
    }

    /// <summary>
    /// The method's commands (blank ones dropped) and the retries of those that have them; null when
    /// a Retries is negative or a RetryDelay is not a positive time span.
    /// </summary>
    private static EquatableArray<string>? Commands(IReadOnlyList<DslAttribute> attributes, out EquatableArray<RetrySpec> retries)
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
            var delayText = Text(attribute.NamedString("RetryDelay"));
            if (count < 0)
                return null;
            long delay = CommandRetryDefaultDelayTicks;
            if (delayText is not null)
            {
                if (TryParseTimeout(delayText) is not { } parsed)
                    return null;
                delay = parsed.Ticks;
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

    /// <summary>A <c>[WaitUntil]</c>, or null when it has no command or a malformed Every or Timeout.</summary>
    private static WaitSpec? Wait(DslAttribute waitUntil)
    {
        if (Text(waitUntil.String(0)) is null)
            return null;
        var every = TimeOrDefault(waitUntil.NamedString("Every"), WaitDefaultEveryTicks);
        var timeout = TimeOrDefault(waitUntil.NamedString("Timeout"), WaitDefaultTimeoutTicks);
        return every is null || timeout is null ? null : new WaitSpec(waitUntil.String(0)!, every.Value, timeout.Value);
    }

    private static long? TimeOrDefault(string? text, long defaultTicks) =>
        Text(text) is not { } given ? defaultTicks : TryParseTimeout(given)?.Ticks;

    // The runtime's defaults (ChecklistDsl.CommandRetry, ChecklistDsl.WaitDefinition), written into the plan.
    internal const long CommandRetryDefaultDelayTicks = 5 * TimeSpan.TicksPerSecond;
    internal const long WaitDefaultEveryTicks = 10 * TimeSpan.TicksPerSecond;
    internal const long WaitDefaultTimeoutTicks = 5 * TimeSpan.TicksPerMinute;

    /// <summary>A step's Timeout: <see cref="TimeSpan"/> text, invariant culture, longer than zero.</summary>
    internal static TimeSpan? TryParseTimeout(string text) =>
        TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero ? timeout : null;

    private static RollbackSpec? ParseRollback(IMethodSymbol method, IReadOnlyList<DslAttribute> attributes, DslAttribute rollback) =>
        Commands(attributes, out var retries) is { } commands
            ? new(
                MethodName: method.Name,
                Title: Text(rollback.String(0)) ?? Naming.Title(method.Name),
                Instructions: Text(rollback.NamedString("Instructions")),
                Commands: commands,
                Automation: Automation(method),
                Retries: retries,
                Condition: Condition(Find(attributes, KnownNames.When)))
            : null; // a malformed Retries or RetryDelay (CHK011 explains)

    private static InputSpec? ParseInput(IPropertySymbol property, SyntaxAttributeReader reader)
    {
        if (property.IsStatic || property.IsIndexer)
            return null;
        var attributes = reader.Read(property);
        var secret = Find(attributes, KnownNames.Secret);
        var input = secret ?? Find(attributes, KnownNames.Input);
        if (input is null)
            return null;
        var isBool = property.Type.SpecialType == SpecialType.System_Boolean;
        return new InputSpec(
            Name: property.Name,
            Description: Text(input.String(0)) ?? Naming.Title(property.Name),
            IsSecret: secret is not null,
            EnvironmentVariable: Naming.EnvironmentVariable(property.Name),
            IsBool: isBool,
            IsSettable: (isBool || property.Type.SpecialType == SpecialType.System_String) && property.SetMethod is not null && property.GetMethod is not null);
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
    /// (compared in place: a display string per method cost more than the rest of the method's parse).
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

    private static IEnumerable<DslAttribute> FindAll(IReadOnlyList<DslAttribute> attributes, string metadataName) =>
        attributes.Where(a => a.MetadataName == metadataName);

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

    /// <summary>What keeps the class itself from being generated, before its members are read.</summary>
    private static SkipReason Skip(INamedTypeSymbol type, CancellationToken cancellationToken, out EquatableArray<ContainingTypeSpec> containing)
    {
        containing = EquatableArray<ContainingTypeSpec>.Empty;
        if (type.IsRecord || type.TypeKind != TypeKind.Class)
            return SkipReason.NotAClass;
        if (type.IsGenericType)
            return SkipReason.Generic;
        if (!Declarations.IsPartial(type, cancellationToken))
            return SkipReason.NotPartial;
        if (GeneratedMemberNames.Contains(type.Name))
            return SkipReason.NamedLikeGeneratedMember; // a nested Step or Trigger enum cannot be named like its class (CS0542)
        if (!VisibleToCatalog(type))
            return SkipReason.NotVisibleToCatalog; // the assembly's catalog must be able to name it
        if (ContainingTypes(type, cancellationToken) is not { } outer)
            return SkipReason.UnsupportedContainingType;
        containing = outer;
        if (type.GetMembers().Any(m => GeneratedMemberNames.Contains(m.Name)))
            return SkipReason.DeclaresGeneratedMember;
        return SkipReason.None;
    }

    /// <summary>Not file-local, and no private or protected type on the way down from the namespace.</summary>
    private static bool VisibleToCatalog(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsFileLocal || t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                return false;
        }
        return true;
    }

    private static bool IsFirstChecklistDeclaration(INamedTypeSymbol type, SyntaxNode target, CancellationToken cancellationToken)
    {
        var first = AttributeReader.Find(type, KnownNames.Checklist)?.ApplicationSyntaxReference;
        return first is null || first.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>() == target;
    }

    private static EquatableArray<ContainingTypeSpec>? ContainingTypes(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var result = new List<ContainingTypeSpec>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType || !Declarations.IsPartial(outer, cancellationToken))
                return null;
            var keyword = outer switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
                { IsRecord: true } => "record",
                { TypeKind: TypeKind.Struct } => "struct",
                { TypeKind: TypeKind.Interface } => "interface",
                { TypeKind: TypeKind.Class } => "class",
                _ => null,
            };
            if (keyword is null)
                return null;
            result.Insert(0, new ContainingTypeSpec(keyword, outer.Name));
        }
        return result.ToEquatableArray();
    }
}
