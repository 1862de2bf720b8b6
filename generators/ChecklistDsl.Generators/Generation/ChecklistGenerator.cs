using System;
using System.Linq;
using ChecklistDsl.Generators.Common;
using ChecklistDsl.Generators.Generation.Emitters;
using ChecklistDsl.Generators.Generation.Model;
using ChecklistDsl.Generators.Generation.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.Generators.Generation;

/// <summary>
/// For each <c>[Checklist]</c> class: the state machine, the <c>Definition</c> and the Markdown
/// runbook; for the assembly: the catalog. A class that cannot be generated is skipped (the CHK
/// analyzers explain why); the generator itself never throws.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ChecklistGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.Checklist,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (context, cancellationToken) => ChecklistParser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.Checklists);

        var generatable = parsed
            .Where(static parsed => parsed?.Spec is not null)
            .Select(static (parsed, _) => parsed!.Spec!)
            .WithTrackingName(TrackingNames.Generatable);

        // The generator's own failure on a class is a bug, said as CHK000; every other skip is explained
        // by the analyzers (SkipReason).
        var failures = parsed
            .Select(static (parsed, _) => parsed?.Failure)
            .Where(static failure => failure is not null);
        context.RegisterSourceOutput(failures, static (output, failure) =>
            output.ReportDiagnostic(Diagnostic.Create(Analysis.DiagnosticDescriptors.NotGenerated, Location.None, failure!.HintName, failure.Message)));

        context.RegisterSourceOutput(generatable,
            static (output, spec) => Write(output, spec.FullName + ".g.cs", () => ChecklistSourceEmitter.Emit(spec)));

        var catalog = generatable
            .Select(static (spec, _) => new CatalogEntry(spec.GlobalName))
            .WithTrackingName(TrackingNames.CatalogEntries)
            .Collect()
            .Select(static (entries, _) => entries.Distinct().OrderBy(e => e.GlobalName, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Catalog);

        context.RegisterSourceOutput(catalog, static (output, entries) =>
        {
            if (entries.Count > 0)
                Write(output, CatalogEmitter.HintName, () => CatalogEmitter.Emit(entries));
        });
    }

    /// <summary>Adds a file; an emitter failure skips that file instead of failing the build with CS8785.</summary>
    private static void Write(SourceProductionContext output, string hintName, Func<string> emit)
    {
        try
        {
            output.AddSource(hintName, emit());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(Diagnostic.Create(Analysis.DiagnosticDescriptors.NotGenerated, Location.None, hintName, exception.Message));
        }
    }
}
