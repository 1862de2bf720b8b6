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
        "Step", "Trigger", "Definition", "Markdown", "CreateStateMachine", "ConfigureStateMachine", "CreateChecklistMachine", "StateMachineTable");

    /// <summary>State names the machine reserves for itself.</summary>
    internal static readonly ImmutableHashSet<string> ReservedStateNames = ImmutableHashSet.Create(
        "NotStarted", "Completed", "Aborted", "RolledBack");

    public static ChecklistSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
            return null;
        try
        {
            // A class with [Checklist] on several of its partial declarations is reached once per
            // declaration; only the first declaration generates, or two files would share a hint name (CS8785).
            if (!IsFirstChecklistDeclaration(type, context.TargetNode, cancellationToken))
                return null;
            return Parse(type, context.Attributes[0], cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            // Malformed source can surprise any symbol API; a generator must skip, not crash (CS8785).
            return null;
        }
    }

    internal static ChecklistSpec? Parse(INamedTypeSymbol type, AttributeData checklist, CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class || type.IsGenericType || !Declarations.IsPartial(type, cancellationToken))
            return null;
        if (GeneratedMemberNames.Contains(type.Name))
            return null; // a nested Step or Trigger enum cannot be named like its class (CS0542)
        if (!VisibleToCatalog(type))
            return null; // the assembly's catalog must be able to name it
        var containing = ContainingTypes(type, cancellationToken);
        if (containing is null)
            return null;
        if (type.GetMembers().Any(m => GeneratedMemberNames.Contains(m.Name)))
            return null;

        var methods = type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary)
            .OrderBy(m => m, Declarations.Order)
            .ToList();

        var steps = new List<StepSpec>();
        var rollbacks = new List<RollbackSpec>();
        var stateNames = new HashSet<string>(ReservedStateNames);
        string? section = null;
        foreach (var method in methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = Find(method, KnownNames.Step);
            var rollback = Find(method, KnownNames.Rollback);
            if (step is null && rollback is null)
                continue;
            if (step is not null && rollback is not null)
                return null; // a method is either on the forward path or a rollback, not both
            if (!stateNames.Add(method.Name))
                return null; // overloads or a reserved name: no unique state name
            if (step is not null)
            {
                var parsed = ParseStep(method, step, ref section);
                if (parsed is null)
                    return null;
                steps.Add(parsed);
            }
            else
            {
                rollbacks.Add(ParseRollback(method, rollback!));
            }
        }
        if (steps.Count == 0)
            return null;
        foreach (var step in steps)
        {
            if (step.RollbackWith is not null && !rollbacks.Any(r => r.MethodName == step.RollbackWith))
                return null; // CHK003 explains
        }

        var inputs = type.GetMembers().OfType<IPropertySymbol>()
            .OrderBy(p => p, Declarations.Order)
            .Select(ParseInput)
            .Where(i => i is not null)
            .Select(i => i!)
            .ToEquatableArray();

        var className = type.Name;
        return new ChecklistSpec(
            Namespace: type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "",
            ContainingTypes: containing.Value,
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

    private static StepSpec? ParseStep(IMethodSymbol method, AttributeData step, ref string? section)
    {
        var sectionAttribute = Find(method, KnownNames.Section);
        var startsSection = false;
        if (sectionAttribute is not null && Text(String(sectionAttribute, 0)) is { } sectionTitle)
        {
            section = sectionTitle;
            startsSection = true;
        }

        long? timeoutTicks = null;
        if (Text(NamedString(step, "Timeout")) is { } timeoutText)
        {
            if (TryParseTimeout(timeoutText) is not { } timeout)
                return null; // a malformed Timeout cannot be generated (CHK011 explains)
            timeoutTicks = timeout.Ticks;
        }

        var backup = Find(method, KnownNames.Backup);
        var approval = Find(method, KnownNames.Approval);
        var rollbackWith = Find(method, KnownNames.RollbackWith);
        var noRollback = Find(method, KnownNames.NoRollback);
        string? rollbackName = null;
        if (rollbackWith is not null)
        {
            rollbackName = Text(String(rollbackWith, 0));
            if (rollbackName is null)
                return null; // CHK003: names no method
        }

        return new StepSpec(
            MethodName: method.Name,
            Title: Text(String(step, 0)) ?? Naming.Title(method.Name),
            Section: section,
            StartsSection: startsSection,
            Purpose: Text(NamedString(step, "Purpose")),
            Instructions: Text(NamedString(step, "Instructions")),
            Optional: NamedBool(step, "Optional"),
            TimeoutTicks: timeoutTicks,
            Checks: Texts(method, KnownNames.Check),
            Commands: Texts(method, KnownNames.Command),
            ApprovalRole: approval is null ? null : Text(String(approval, 0)) ?? "Approver",
            Backup: backup is null ? null : new BackupSpec(Strings(backup).ToEquatableArray(), NamedBool(backup, "Verified"), NamedBool(backup, "OffSite")),
            Modifies: Resources(method, KnownNames.Modifies),
            Destroys: Resources(method, KnownNames.Destroys),
            Verifies: Resources(method, KnownNames.Verifies),
            RollbackWith: rollbackName,
            NoRollbackReason: noRollback is null ? null : Text(String(noRollback, 0)) ?? "",
            AcceptedRisks: FindAll(method, KnownNames.AssumeSafe)
                .Select(a => new AcceptedRiskSpec(Text(String(a, 0)) ?? "", Text(String(a, 1)) ?? ""))
                .Where(r => r.RuleId.Length > 0)
                .ToEquatableArray(),
            Automation: Automation(method));
    }

    /// <summary>A step's Timeout: <see cref="TimeSpan"/> text, invariant culture, longer than zero.</summary>
    internal static TimeSpan? TryParseTimeout(string text) =>
        TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero ? timeout : null;

    private static RollbackSpec ParseRollback(IMethodSymbol method, AttributeData rollback) =>
        new(
            MethodName: method.Name,
            Title: Text(String(rollback, 0)) ?? Naming.Title(method.Name),
            Instructions: Text(NamedString(rollback, "Instructions")),
            Commands: Texts(method, KnownNames.Command),
            Automation: Automation(method));

    private static InputSpec? ParseInput(IPropertySymbol property)
    {
        var secret = Find(property, KnownNames.Secret);
        var input = secret ?? Find(property, KnownNames.Input);
        if (input is null || property.IsStatic || property.IsIndexer)
            return null;
        return new InputSpec(
            Name: property.Name,
            Description: Text(String(input, 0)) ?? Naming.Title(property.Name),
            IsSecret: secret is not null,
            EnvironmentVariable: Naming.EnvironmentVariable(property.Name),
            IsSettableString: property.Type.SpecialType == SpecialType.System_String && property.SetMethod is not null && property.GetMethod is not null);
    }

    /// <summary>
    /// <c>void M(StepContext)</c> or <c>Task M(StepContext)</c> is automation; any other shape is a
    /// manual step whose method is never called.
    /// </summary>
    private static AutomationSpec Automation(IMethodSymbol method)
    {
        if (method.IsGenericMethod || method.Parameters.Length != 1 || method.Parameters[0].RefKind != RefKind.None
            || method.Parameters[0].Type.ToDisplayString() != KnownNames.StepContext)
            return new AutomationSpec(AutomationKind.None, false);
        if (method.ReturnsVoid)
            return new AutomationSpec(AutomationKind.Sync, method.IsStatic);
        if (method.ReturnType.ToDisplayString() == KnownNames.Task)
            return new AutomationSpec(AutomationKind.Async, method.IsStatic);
        return new AutomationSpec(AutomationKind.None, false);
    }

    private static EquatableArray<string> Texts(IMethodSymbol method, string attribute) =>
        FindAll(method, attribute).Select(a => String(a, 0)).Where(t => t is not null && t.Trim().Length > 0).Select(t => t!).ToEquatableArray();

    private static EquatableArray<string> Resources(IMethodSymbol method, string attribute) =>
        Find(method, attribute) is { } found ? Strings(found).ToEquatableArray() : EquatableArray<string>.Empty;

    /// <summary>Trimmed text, or null when blank.</summary>
    private static string? Text(string? value) => value is null || value.Trim().Length == 0 ? null : value.Trim();

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
        var first = Find(type, KnownNames.Checklist)?.ApplicationSyntaxReference;
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
