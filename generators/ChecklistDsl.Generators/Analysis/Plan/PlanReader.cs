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

        var steps = new List<(IMethodSymbol Method, Location Location)>();
        var rollbacks = ImmutableArray.CreateBuilder<PlanMethod>();
        var assumptions = ImmutableArray.CreateBuilder<PlanAssumption>();
        var memberNames = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            memberNames.Add(member.Name);
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
            var location = method.Locations.FirstOrDefault(l => l.IsInSource);
            if (location is null)
                continue;
            foreach (var attribute in method.GetAttributes())
            {
                if (!DslAttributes.IsDsl(attribute))
                    continue;
                var wrapped = Wrap(attribute, method);
                dslAttributes.Add(wrapped);
                if (DslAttributes.Is(attribute, dsl.Step))
                    steps.Add((method, location));
                else if (DslAttributes.Is(attribute, dsl.Rollback))
                    rollbacks.Add(new PlanMethod(method, TitleOf(wrapped, method), location, Commands(method, dsl)));
                else if (DslAttributes.Is(attribute, dsl.AssumeSafe))
                    assumptions.Add(new PlanAssumption(wrapped, wrapped.Text, AttributeReader.String(attribute, 1)));
            }
        }

        // Declaration order; partial classes: file path, then position (documented in docs/rules).
        var orderedSteps = steps
            .OrderBy(s => s.Method, Declarations.Order) // the generator's order, by construction
            .Select((s, index) => ReadStep(s.Method, s.Location, index, dsl, cancellationToken))
            .ToImmutableArray();

        return new ChecklistPlan(
            type,
            AttributeReader.String(checklistAttribute, 0) is { } title && title.Trim().Length > 0 ? title : Naming.Title(type.Name),
            KnownNames.IsProduction(AttributeReader.NamedString(checklistAttribute, "Environment")),
            Declarations.IsPartial(type, cancellationToken),
            type.Locations[0],
            orderedSteps,
            rollbacks.ToImmutable(),
            InputNames(type, dsl),
            assumptions.ToImmutable(),
            dslAttributes.ToImmutable(),
            memberNames.ToImmutable());
    }

    /// <summary>An explicit title when non-blank (trimmed), else the name humanized, as the generator does.</summary>
    public static string Title(string? explicitTitle, string methodName) =>
        explicitTitle is not null && explicitTitle.Trim().Length > 0 ? explicitTitle.Trim() : Naming.Title(methodName);

    private static PlanStep ReadStep(IMethodSymbol method, Location location, int index, DslAttributes dsl, CancellationToken cancellationToken)
    {
        PlanAttribute? step = null, approval = null, rollbackWith = null, noRollback = null;
        ResourceAttribute? backup = null, modifies = null, destroys = null, verifies = null;
        foreach (var attribute in method.GetAttributes())
        {
            if (DslAttributes.Is(attribute, dsl.Step))
                step = Wrap(attribute, method);
            else if (DslAttributes.Is(attribute, dsl.Approval))
                approval = Wrap(attribute, method);
            else if (DslAttributes.Is(attribute, dsl.RollbackWith))
                rollbackWith = Wrap(attribute, method);
            else if (DslAttributes.Is(attribute, dsl.NoRollback))
                noRollback = Wrap(attribute, method);
            else if (DslAttributes.Is(attribute, dsl.Backup))
                backup = Resources(attribute, method);
            else if (DslAttributes.Is(attribute, dsl.Modifies))
                modifies = Resources(attribute, method);
            else if (DslAttributes.Is(attribute, dsl.Destroys))
                destroys = Resources(attribute, method);
            else if (DslAttributes.Is(attribute, dsl.Verifies))
                verifies = Resources(attribute, method);
        }
        return new PlanStep(
            method, TitleOf(step!, method), location, Commands(method, dsl), index, step!,
            backup, modifies, destroys, verifies, approval, rollbackWith, noRollback);
    }

    private static string TitleOf(PlanAttribute attribute, IMethodSymbol method) => Title(attribute.Text, method.Name);

    private static ImmutableArray<PlanAttribute> Commands(IMethodSymbol method, DslAttributes dsl) =>
        method.GetAttributes()
            .Where(a => DslAttributes.Is(a, dsl.Command))
            .Select(a => Wrap(a, method))
            .Where(a => a.Text is not null)
            .OrderBy(a => a.Location.SourceSpan.Start)
            .ToImmutableArray();

    private static ResourceAttribute Resources(AttributeData attribute, IMethodSymbol method)
    {
        return new ResourceAttribute(
            Wrap(attribute, method), AttributeReader.Strings(attribute).ToImmutableArray(), // the generator reads them the same way
            AttributeReader.NamedBool(attribute, "Verified"), AttributeReader.NamedBool(attribute, "OffSite"));
    }

    private static PlanAttribute Wrap(AttributeData attribute, IMethodSymbol? owner)
    {
        var reference = attribute.ApplicationSyntaxReference;
        var location = reference is null ? Location.None : Location.Create(reference.SyntaxTree, reference.Span);
        return new PlanAttribute(attribute, location, AttributeReader.String(attribute, 0), owner);
    }

    private static ImmutableHashSet<string> InputNames(INamedTypeSymbol type, DslAttributes dsl)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member is IPropertySymbol p && p.GetAttributes().Any(a => DslAttributes.Is(a, dsl.Input) || DslAttributes.Is(a, dsl.Secret)))
                    names.Add(p.Name);
            }
        }
        return names.ToImmutable();
    }
}
