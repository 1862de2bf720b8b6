using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ChecklistDsl.Generators.Common;
using ChecklistDsl.Generators.Generation.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.Generators.Analysis.Plan;

/// <summary>
/// Reads a <see cref="ChecklistPlan"/> from a class's symbols. Never throws on bad input: an
/// attribute that did not bind, or whose arguments have the wrong types, is skipped.
/// </summary>
internal static class PlanReader
{
    /// <summary>Whether the type carries [Checklist] and is declared in source (what <see cref="Read"/> needs to return a plan).</summary>
    public static bool IsChecklist(INamedTypeSymbol type, DslAttributes dsl) =>
        ChecklistAttribute(type, dsl) is not null && !type.Locations.IsDefaultOrEmpty && type.Locations[0].IsInSource;

    private static AttributeData? ChecklistAttribute(INamedTypeSymbol type, DslAttributes dsl)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (DslAttributes.Is(attribute, dsl.Checklist))
                return attribute;
        }
        return null;
    }

    /// <summary>The plan of a [Checklist] class, or null when the type is not one.</summary>
    public static ChecklistPlan? Read(INamedTypeSymbol type, DslAttributes dsl, CancellationToken cancellationToken)
    {
        var checklistAttribute = ChecklistAttribute(type, dsl);
        if (checklistAttribute is null || type.Locations.IsDefaultOrEmpty || !type.Locations[0].IsInSource)
            return null;

        var dslAttributes = ImmutableArray.CreateBuilder<PlanAttribute>();
        foreach (var attribute in type.GetAttributes())
        {
            if (DslAttributes.IsDsl(attribute))
                dslAttributes.Add(Wrap(attribute, null));
        }

        var steps = new List<(IMethodSymbol Method, Location Location, PlanAttribute[] Attributes)>();
        var rollbacks = ImmutableArray.CreateBuilder<PlanMethod>();
        var assumptions = ImmutableArray.CreateBuilder<PlanAssumption>();
        // Each method's DSL attributes are wrapped once and shared by the step, its commands and CHK009.
        var methodAttributes = new List<PlanAttribute>();
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is IPropertySymbol property)
            {
                foreach (var attribute in property.GetAttributes())
                {
                    if (DslAttributes.IsDsl(attribute))
                        dslAttributes.Add(Wrap(attribute, null));
                }
                continue;
            }
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                continue;
            var location = FirstInSource(method.Locations);
            if (location is null)
                continue;
            methodAttributes.Clear();
            foreach (var attribute in method.GetAttributes())
            {
                if (DslAttributes.IsDsl(attribute))
                    methodAttributes.Add(Wrap(attribute, method));
            }
            if (methodAttributes.Count == 0)
                continue;
            dslAttributes.AddRange(methodAttributes);
            PlanAttribute[]? attributes = null;
            ImmutableArray<PlanAttribute>? commands = null;
            foreach (var wrapped in methodAttributes)
            {
                if (DslAttributes.Is(wrapped.Data, dsl.Step))
                    steps.Add((method, location, attributes ??= methodAttributes.ToArray()));
                else if (DslAttributes.Is(wrapped.Data, dsl.Rollback))
                    rollbacks.Add(new PlanMethod(method, TitleOf(wrapped, method), location, commands ??= Commands(methodAttributes, dsl), Condition(methodAttributes, dsl)));
                else if (DslAttributes.Is(wrapped.Data, dsl.AssumeSafe))
                    assumptions.Add(new PlanAssumption(wrapped, wrapped.Text, AttributeReader.String(wrapped.Data, 1)));
            }
        }

        // Declaration order; partial classes: file path, then position (documented in docs/rules).
        var orderedSteps = steps
            .OrderBy(s => s.Method, Declarations.Order) // the generator's order, by construction
            .Select((s, index) => ReadStep(s.Method, s.Location, index, s.Attributes, dsl))
            .ToImmutableArray();

        return new ChecklistPlan(
            type,
            AttributeReader.String(checklistAttribute, 0) is { } title && title.Trim().Length > 0 ? title : Naming.Title(type.Name),
            KnownNames.IsProduction(AttributeReader.NamedString(checklistAttribute, "Environment")),
            Declarations.IsPartial(type, cancellationToken),
            type.Locations[0],
            orderedSteps,
            rollbacks.ToImmutable(),
            InputNames(type, dsl, boolOnly: false),
            InputNames(type, dsl, boolOnly: true),
            SecretNames(type, dsl),
            assumptions.ToImmutable(),
            dslAttributes.ToImmutable());
    }

    /// <summary>An explicit title when non-blank (trimmed), else the name humanized, as the generator does.</summary>
    public static string Title(string? explicitTitle, string methodName) =>
        explicitTitle is not null && explicitTitle.Trim().Length > 0 ? explicitTitle.Trim() : Naming.Title(methodName);

    private static PlanStep ReadStep(IMethodSymbol method, Location location, int index, PlanAttribute[] attributes, DslAttributes dsl)
    {
        PlanAttribute? step = null, approval = null, rollbackWith = null, noRollback = null;
        ResourceAttribute? backup = null, modifies = null, destroys = null, verifies = null;
        foreach (var wrapped in attributes)
        {
            var attribute = wrapped.Data;
            if (DslAttributes.Is(attribute, dsl.Step))
                step = wrapped;
            else if (DslAttributes.Is(attribute, dsl.Approval))
                approval = wrapped;
            else if (DslAttributes.Is(attribute, dsl.RollbackWith))
                rollbackWith = wrapped;
            else if (DslAttributes.Is(attribute, dsl.NoRollback))
                noRollback = wrapped;
            else if (DslAttributes.Is(attribute, dsl.Backup))
                backup = Resources(wrapped);
            else if (DslAttributes.Is(attribute, dsl.Modifies))
                modifies = Resources(wrapped);
            else if (DslAttributes.Is(attribute, dsl.Destroys))
                destroys = Resources(wrapped);
            else if (DslAttributes.Is(attribute, dsl.Verifies))
                verifies = Resources(wrapped);
        }
        return new PlanStep(
            method, TitleOf(step!, method), location, Commands(attributes, dsl), index, step!,
            backup, modifies, destroys, verifies, approval, rollbackWith, noRollback, Condition(attributes, dsl));
    }

    /// <summary>The method's [When], read as the generator reads it.</summary>
    private static PlanCondition? Condition(IReadOnlyList<PlanAttribute> attributes, DslAttributes dsl)
    {
        foreach (var wrapped in attributes)
        {
            if (!DslAttributes.Is(wrapped.Data, dsl.When))
                continue;
            var hasValue = wrapped.Data.ConstructorArguments.Length > 1;
            return new PlanCondition(wrapped, wrapped.Text, hasValue ? AttributeReader.String(wrapped.Data, 1) : null, hasValue);
        }
        return null;
    }

    private static string TitleOf(PlanAttribute attribute, IMethodSymbol method) => Title(attribute.Text, method.Name);

    /// <summary>The method's [Command]s with a string line, in source order.</summary>
    private static ImmutableArray<PlanAttribute> Commands(IReadOnlyList<PlanAttribute> attributes, DslAttributes dsl)
    {
        var commands = ImmutableArray.CreateBuilder<PlanAttribute>();
        var inOrder = true;
        foreach (var wrapped in attributes)
        {
            if (wrapped.Text is null || !DslAttributes.Is(wrapped.Data, dsl.Command))
                continue;
            if (commands.Count > 0 && commands[commands.Count - 1].Location.SourceSpan.Start > wrapped.Location.SourceSpan.Start)
                inOrder = false;
            commands.Add(wrapped);
        }
        // Attributes normally come in source order already; the stable sort covers the rest.
        return inOrder ? commands.ToImmutable() : commands.OrderBy(a => a.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static Location? FirstInSource(ImmutableArray<Location> locations)
    {
        foreach (var location in locations)
        {
            if (location.IsInSource)
                return location;
        }
        return null;
    }

    private static ResourceAttribute Resources(PlanAttribute wrapped)
    {
        var attribute = wrapped.Data;
        return new ResourceAttribute(
            wrapped, AttributeReader.Strings(attribute).ToImmutableArray(), // the generator reads them the same way
            AttributeReader.NamedBool(attribute, "Verified"), AttributeReader.NamedBool(attribute, "OffSite"));
    }

    private static PlanAttribute Wrap(AttributeData attribute, IMethodSymbol? owner)
    {
        var reference = attribute.ApplicationSyntaxReference;
        var location = reference is null ? Location.None : Location.Create(reference.SyntaxTree, reference.Span);
        return new PlanAttribute(attribute, location, AttributeReader.String(attribute, 0), owner);
    }

    private static ImmutableHashSet<string> InputNames(INamedTypeSymbol type, DslAttributes dsl, bool boolOnly)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member is IPropertySymbol p && (!boolOnly || p.Type.SpecialType == SpecialType.System_Boolean)
                    && p.GetAttributes().Any(a => DslAttributes.Is(a, dsl.Input) || (!boolOnly && DslAttributes.Is(a, dsl.Secret))))
                    names.Add(p.Name);
            }
        }
        return names.ToImmutable();
    }

    private static ImmutableHashSet<string> SecretNames(INamedTypeSymbol type, DslAttributes dsl)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member is IPropertySymbol p && p.GetAttributes().Any(a => DslAttributes.Is(a, dsl.Secret)))
                    names.Add(p.Name);
            }
        }
        return names.ToImmutable();
    }
}
