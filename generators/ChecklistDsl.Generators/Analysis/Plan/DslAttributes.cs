using ChecklistDsl.Generators.Common;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Generators.Analysis.Plan;

/// <summary>The ChecklistDsl attribute types of one compilation, looked up once per compilation.</summary>
internal sealed class DslAttributes
{
    private DslAttributes(Compilation compilation, INamedTypeSymbol checklist)
    {
        Checklist = checklist;
        Step = compilation.GetTypeByMetadataName(KnownNames.Step);
        Section = compilation.GetTypeByMetadataName(KnownNames.Section);
        Check = compilation.GetTypeByMetadataName(KnownNames.Check);
        Command = compilation.GetTypeByMetadataName(KnownNames.Command);
        Approval = compilation.GetTypeByMetadataName(KnownNames.Approval);
        Backup = compilation.GetTypeByMetadataName(KnownNames.Backup);
        Modifies = compilation.GetTypeByMetadataName(KnownNames.Modifies);
        Destroys = compilation.GetTypeByMetadataName(KnownNames.Destroys);
        Verifies = compilation.GetTypeByMetadataName(KnownNames.Verifies);
        RollbackWith = compilation.GetTypeByMetadataName(KnownNames.RollbackWith);
        NoRollback = compilation.GetTypeByMetadataName(KnownNames.NoRollback);
        Rollback = compilation.GetTypeByMetadataName(KnownNames.Rollback);
        AssumeSafe = compilation.GetTypeByMetadataName(KnownNames.AssumeSafe);
        Input = compilation.GetTypeByMetadataName(KnownNames.Input);
        Secret = compilation.GetTypeByMetadataName(KnownNames.Secret);
        When = compilation.GetTypeByMetadataName(KnownNames.When);
        WaitUntil = compilation.GetTypeByMetadataName(KnownNames.WaitUntil);
    }

    public INamedTypeSymbol Checklist { get; }
    public INamedTypeSymbol? Step { get; }
    public INamedTypeSymbol? Section { get; }
    public INamedTypeSymbol? Check { get; }
    public INamedTypeSymbol? Command { get; }
    public INamedTypeSymbol? Approval { get; }
    public INamedTypeSymbol? Backup { get; }
    public INamedTypeSymbol? Modifies { get; }
    public INamedTypeSymbol? Destroys { get; }
    public INamedTypeSymbol? Verifies { get; }
    public INamedTypeSymbol? RollbackWith { get; }
    public INamedTypeSymbol? NoRollback { get; }
    public INamedTypeSymbol? Rollback { get; }
    public INamedTypeSymbol? AssumeSafe { get; }
    public INamedTypeSymbol? Input { get; }
    public INamedTypeSymbol? Secret { get; }
    public INamedTypeSymbol? When { get; }
    public INamedTypeSymbol? WaitUntil { get; }

    /// <summary>The attribute types, or null when the compilation does not reference ChecklistDsl.</summary>
    public static DslAttributes? From(Compilation compilation)
    {
        var checklist = compilation.GetTypeByMetadataName(KnownNames.Checklist);
        return checklist is null ? null : new DslAttributes(compilation, checklist);
    }

    /// <summary>Whether the attribute is one of ChecklistDsl's (its class lives in namespace ChecklistDsl).</summary>
    public static bool IsDsl(AttributeData attribute) =>
        attribute.AttributeClass is { } c && c.ContainingNamespace is { Name: "ChecklistDsl" } ns && ns.ContainingNamespace.IsGlobalNamespace;

    public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
}
