using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ChecklistDsl.Generators.Analysis.Rules;
using ChecklistDsl.Generators.Dsl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChecklistDsl.Generators.Analysis;

/// <summary>
/// The CHK rules. One pass per [Checklist] class: the plan is read once, every rule in
/// Rules/ looks at it, and [AssumeSafe] then drops the findings it accepts (CHK010 checks the
/// [AssumeSafe]s themselves against those findings). #pragma and .editorconfig apply as usual.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChecklistAnalyzer : DiagnosticAnalyzer
{
    private delegate void Rule(AnalyzedChecklist checklist, RuleContext context);

    // CHK010 is not here: it judges the AssumeSafes against what these found.
    private static readonly Rule[] Rules =
    [
        DestroyWithoutBackupRule.Analyze,        // CHK001
        ChangeWithoutRollbackRule.Analyze,       // CHK002
        RollbackWithNotARollbackRule.Analyze,    // CHK003
        ChangeBeforeApprovalRule.Analyze,        // CHK004
        BackupNotVerifiedOrOffSiteRule.Analyze,  // CHK005
        NoVerificationAfterChangesRule.Analyze,  // CHK006
        VerifyStepChangesRule.Analyze,           // CHK007
        UnknownPlaceholderRule.Analyze,          // CHK008
        CredentialInSourceRule.Analyze,          // CHK009
        MalformedChecklistRule.Analyze,          // CHK011
        ConditionRules.Analyze,                  // CHK012, CHK013, CHK014
        ApprovalQuorumRule.Analyze,              // CHK015
    ];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // The DSL's attribute types are told by name (ChecklistReader), not looked up here: at
            // compilation start GetTypeByMetadataName builds the compilation's merged declaration table
            // (work the compiler does anyway, 0.9 s at 1,000 checklists), and the one who asks first is
            // charged for it.
            var compilation = start.Compilation;
            start.RegisterSymbolStartAction(symbolStart =>
            {
                // Only [Checklist] classes go on (reading a type's own attributes is cheap). The class
                // is read at the type's end, once the compiler has bound its members' attributes for
                // itself: read at the type's start, that binding ran on (and was charged to) this analyzer.
                if (ChecklistReader.ChecklistAttribute((INamedTypeSymbol)symbolStart.Symbol) is null)
                    return;
                symbolStart.RegisterSymbolEndAction(end => AnalyzeType(end, compilation));
            }, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, Compilation compilation)
    {
        var checklist = AnalyzedChecklist.Read((INamedTypeSymbol)context.Symbol, compilation, context.CancellationToken);
        if (checklist is null)
            return;
        foreach (var diagnostic in Analyze(checklist, context.CancellationToken))
            context.ReportDiagnostic(diagnostic);
    }

    /// <summary>Every diagnostic for a checklist, after [AssumeSafe].</summary>
    internal static IEnumerable<Diagnostic> Analyze(AnalyzedChecklist checklist, CancellationToken cancellationToken)
    {
        var context = new RuleContext(cancellationToken);
        foreach (var rule in Rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rule(checklist, context);
        }
        var findings = context.Findings.ToArray();
        InvalidAssumeSafeRule.Analyze(checklist, findings, context);

        foreach (var finding in context.Findings)
        {
            if (!IsAccepted(checklist, finding))
                yield return finding.ToDiagnostic();
        }
    }

    private static bool IsAccepted(AnalyzedChecklist checklist, Finding finding)
    {
        if (finding.Owner is null || finding.Rule == DiagnosticDescriptors.InvalidAssumeSafe)
            return false;
        foreach (var assumption in checklist.Description.Assumptions)
        {
            if (assumption.Accepts(finding.Rule.Id, finding.Owner))
                return true;
        }
        return false;
    }
}

/// <summary>Where rules put their findings.</summary>
internal sealed class RuleContext
{
    public RuleContext(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    public CancellationToken CancellationToken { get; }

    public List<Finding> Findings { get; } = new();

    public void Report(DiagnosticDescriptor rule, Location location, string? owner, params object?[] arguments) =>
        Findings.Add(new Finding(rule, location, owner, arguments));

    public void Report(Finding finding) => Findings.Add(finding);
}
