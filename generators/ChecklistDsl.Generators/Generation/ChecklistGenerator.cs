using System;
using System.Linq;
using System.Threading;
using ChecklistDsl.Generators.Common;
using ChecklistDsl.Generators.Generation.Emitters;
using ChecklistDsl.Generators.Dsl.Model;
using ChecklistDsl.Generators.Dsl;
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
                transform: static (context, cancellationToken) => Read(context, cancellationToken))
            .WithTrackingName(TrackingNames.Checklists);

        var generatable = parsed
            .Where(static parsed => parsed?.Spec is { IsGeneratable: true })
            .Select(static (parsed, _) => parsed!.Spec!)
            .WithTrackingName(TrackingNames.Generatable);

        // The generator's own failure on a class is a bug, said as CHK000; every other skip (a problem of
        // the description, a SkipReason) is the analyzers' to report.
        var failures = parsed
            .Select(static (parsed, _) => parsed?.Failure)
            .Where(static failure => failure is not null);
        context.RegisterSourceOutput(failures, static (output, failure) =>
            output.ReportDiagnostic(Diagnostic.Create(Analysis.DiagnosticDescriptors.NotGenerated, Location.None, failure!.HintName, failure.Message)));

        context.RegisterSourceOutput(generatable,
            static (output, spec) => Write(output, spec.FullName + ".g.cs", () => ChecklistSourceEmitter.Emit(spec)));

        var catalog = generatable
            .Select(static (spec, _) => CatalogEmitter.Entry(spec))
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

    /// <summary>Tests stand in for a bug here (the generator's own failure, CHK000); null otherwise.</summary>
    [ThreadStatic]
    internal static Action<INamedTypeSymbol>? FailForTesting;

    /// <summary>
    /// The pipeline's transform: the class's description (from the cache when nothing it was read from
    /// changed), or null for a declaration that does not generate; the generator's own failure comes
    /// back as a <see cref="ParseFailure"/> to report (CHK000).
    /// </summary>
    internal static ParsedChecklist? Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
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
                return new ParsedChecklist(cached, null);
            var reader = new SyntaxAttributeReader(compilation, cancellationToken);
            var spec = ChecklistReader.Read(type, context.Attributes[0], reader, cancellationToken);
            if (reader.AllFromSyntax && reader.IsLiteral(context.Attributes[0], type))
                ParsedChecklistCache.Add(context.TargetNode, type, compilation, reader.LookedUp, spec);
            return new ParsedChecklist(spec, null);
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

    private static bool IsFirstChecklistDeclaration(INamedTypeSymbol type, SyntaxNode target, CancellationToken cancellationToken)
    {
        var first = ChecklistReader.ChecklistAttribute(type)?.ApplicationSyntaxReference;
        return first is null || first.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>() == target;
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
