using System;
using System.Collections.Generic;
using ChecklistDsl.Generators.Common;
using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Generators.Dsl.Model;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Analysis;

/// <summary>
/// A checklist as the rules see it: the one description (<see cref="ChecklistSpec"/>, read as the
/// generator reads it) and where its parts were written (<see cref="SourceMap"/>), with the lookups
/// several rules share. Read once per class.
/// </summary>
internal sealed class AnalyzedChecklist
{
    public AnalyzedChecklist(ChecklistSpec description, SourceMap sources)
    {
        Description = description;
        Sources = sources;
        foreach (var input in description.Inputs)
        {
            InputNames.Add(input.Name);
            if (input.IsSecret)
                SecretNames.Add(input.Name);
            else if (input.IsBool)
                BoolInputs.Add(input.Name);
        }
    }

    /// <summary>Reads the class, or null when it carries no [Checklist] or is not declared in source.</summary>
    public static AnalyzedChecklist? Read(INamedTypeSymbol type, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        if (ChecklistReader.ChecklistAttribute(type) is not { } checklist || type.Locations.IsDefaultOrEmpty || !type.Locations[0].IsInSource)
            return null;
        var sources = new SourceMap(type);
        // From the compiler's attribute data: at the type's end the compiler has bound it already.
        var reader = new SyntaxAttributeReader(compilation, cancellationToken, symbolsOnly: true);
        return new AnalyzedChecklist(ChecklistReader.Read(type, checklist, reader, cancellationToken, sources), sources);
    }

    public ChecklistSpec Description { get; }

    public SourceMap Sources { get; }

    public string Title => Description.Title;

    public bool IsProduction => Description.IsProduction;

    public EquatableArray<StepSpec> Steps => Description.Steps;

    public EquatableArray<RollbackSpec> Rollbacks => Description.Rollbacks;

    /// <summary>The [Input] and [Secret] properties' names (the class's and its bases').</summary>
    public HashSet<string> InputNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The bool [Input]s' names.</summary>
    public HashSet<string> BoolInputs { get; } = new(StringComparer.Ordinal);

    /// <summary>The [Secret]s' names.</summary>
    public HashSet<string> SecretNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The step's method name, where it is declared.</summary>
    public Location StepLocation(int step) => Sources.Step(step).Identifier;

    /// <summary>The step's first attribute of that kind (a <c>KnownNames</c> constant), or the method.</summary>
    public Location StepAttribute(int step, string metadataName) =>
        Sources.Step(step).Find(metadataName)?.Location ?? StepLocation(step);

    /// <summary>The rollback with that method name, and its index, or null.</summary>
    public (RollbackSpec Rollback, int Index)? Rollback(string? methodName)
    {
        for (var i = 0; i < Rollbacks.Count; i++)
        {
            if (Rollbacks[i].MethodName == methodName)
                return (Rollbacks[i], i);
        }
        return null;
    }

    /// <summary>Whether a step (or rollback) with this condition applies on every run on which one with <paramref name="other"/> does.</summary>
    public static bool AppliesWhenever(ConditionSpec? condition, ConditionSpec? other) =>
        condition is null || (other is not null && condition.SameAs(other));

    /// <summary>
    /// The latest step strictly before <paramref name="index"/> that backs up the resource on every run
    /// in which that step runs (no condition, or the same one); with <paramref name="anyCondition"/>,
    /// under any condition. (CHK001 and CHK005.)
    /// </summary>
    public int? LatestBackupBefore(int index, string resource, bool anyCondition = false)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var backup = Steps[i];
            if (backup.Backup?.Contains(resource) == true && (anyCondition || AppliesWhenever(backup.Condition, Steps[index].Condition)))
                return i;
        }
        return null;
    }

    public static string Display(StepSpec step) => "Step '" + step.Title + "'";

    public static string Display(RollbackSpec rollback) => "Rollback '" + rollback.Title + "'";
}
