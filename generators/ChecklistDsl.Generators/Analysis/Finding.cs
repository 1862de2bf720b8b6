using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Analysis;

/// <summary>
/// What a rule found, before [AssumeSafe] is applied. <see cref="Owner"/> names the method whose
/// [AssumeSafe] may accept it (null for class-level findings, which no [AssumeSafe] can accept).
/// </summary>
internal sealed class Finding
{
    public Finding(DiagnosticDescriptor rule, Location location, string? owner, object?[] arguments,
        ImmutableDictionary<string, string?>? properties = null)
    {
        Rule = rule;
        Location = location;
        Owner = owner;
        Arguments = arguments;
        Properties = properties ?? ImmutableDictionary<string, string?>.Empty;
    }

    public DiagnosticDescriptor Rule { get; }
    public Location Location { get; }
    public string? Owner { get; }
    public object?[] Arguments { get; }

    /// <summary>Data for the code fixes (see <see cref="FindingProperties"/>).</summary>
    public ImmutableDictionary<string, string?> Properties { get; }

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Rule, Location, Properties, Arguments);
}

/// <summary>Keys of <see cref="Diagnostic.Properties"/> the code fixes read.</summary>
internal static class FindingProperties
{
    /// <summary>CHK001: the resource to back up.</summary>
    public const string Resource = "Resource";

    /// <summary>CHK011: which malformation (<see cref="NotPartial"/>, <see cref="NoSteps"/>, <see cref="RepeatedTitle"/>).</summary>
    public const string Kind = "Kind";

    public const string NotPartial = "NotPartial";
    public const string NoSteps = "NoSteps";
    public const string RepeatedTitle = "RepeatedTitle";
    /// <summary>Something the generator cannot generate: a bad Timeout, a clashing name, a generic or nested-in-non-partial class.</summary>
    public const string NotGeneratable = "NotGeneratable";
}
