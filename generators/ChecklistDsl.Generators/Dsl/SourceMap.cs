using System.Collections.Generic;
using ChecklistDsl.Generators.Dsl.Model;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>
/// Where each part of a checklist's description was written: the side table the analyzers ask for
/// when they read a class (<see cref="ChecklistReader.Read"/>), so that a rule judging the description
/// can put its squiggle on the attribute or method. The generator never fills one: its model holds no
/// symbols or locations.
/// </summary>
internal sealed class SourceMap
{
    private readonly List<MemberSource> _methods = new();
    private readonly List<MemberSource> _properties = new();
    private readonly List<int> _steps = new();
    private readonly List<int> _rollbacks = new();
    private DslAttribute? _checklist;

    public SourceMap(INamedTypeSymbol type) => Type = type;

    public INamedTypeSymbol Type { get; }

    /// <summary>The class name in its first declaration.</summary>
    public Location ClassLocation => Type.Locations.IsDefaultOrEmpty ? Location.None : Type.Locations[0];

    /// <summary>The class's <c>[Checklist]</c>.</summary>
    public DslAttribute Checklist => _checklist!;

    /// <summary>The class's ordinary methods in declaration order: <see cref="Problem.Member"/> indexes them.</summary>
    public IReadOnlyList<MemberSource> Methods => _methods;

    /// <summary>The properties read for inputs (the class's, then its bases').</summary>
    public IReadOnlyList<MemberSource> Properties => _properties;

    /// <summary>The method of the step at <paramref name="index"/> in <see cref="ChecklistSpec.Steps"/>.</summary>
    public MemberSource Step(int index) => _methods[_steps[index]];

    /// <summary>The method of the rollback at <paramref name="index"/> in <see cref="ChecklistSpec.Rollbacks"/>.</summary>
    public MemberSource Rollback(int index) => _methods[_rollbacks[index]];

    /// <summary>The first method of that name, or null.</summary>
    public MemberSource? Method(string name)
    {
        foreach (var method in _methods)
        {
            if (method.Symbol.Name == name)
                return method;
        }
        return null;
    }

    internal void SetChecklist(DslAttribute checklist) => _checklist = checklist;
    internal void AddMethod(IMethodSymbol method, IReadOnlyList<DslAttribute> attributes) => _methods.Add(new MemberSource(method, attributes));
    internal void AddProperty(IPropertySymbol property, IReadOnlyList<DslAttribute> attributes) => _properties.Add(new MemberSource(property, attributes));
    internal void AddStep(int member) => _steps.Add(member);
    internal void AddRollback(int member) => _rollbacks.Add(member);
}

/// <summary>A method or property of a checklist and the DSL attributes read from it, in source order.</summary>
internal sealed class MemberSource
{
    public MemberSource(ISymbol symbol, IReadOnlyList<DslAttribute> attributes)
    {
        Symbol = symbol;
        Attributes = attributes;
    }

    public ISymbol Symbol { get; }

    public IReadOnlyList<DslAttribute> Attributes { get; }

    /// <summary>The member's name where it is declared in source.</summary>
    public Location Identifier
    {
        get
        {
            foreach (var location in Symbol.Locations)
            {
                if (location.IsInSource)
                    return location;
            }
            return Location.None;
        }
    }

    /// <summary>The first attribute of that kind (a <c>KnownNames</c> constant), or null.</summary>
    public DslAttribute? Find(string metadataName)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.MetadataName == metadataName)
                return attribute;
        }
        return null;
    }

    /// <summary>Where the attribute at <paramref name="index"/> is, or the member itself for -1.</summary>
    public Location At(int index) => index >= 0 && index < Attributes.Count ? Attributes[index].Location : Identifier;
}
