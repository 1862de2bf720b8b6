using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ChecklistDsl.Generators.Analysis.Plan;
using ChecklistDsl.Generators.Analysis.Rules;
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
    private delegate void Rule(ChecklistPlan plan, RuleContext context);

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
            // Looked up at the first type, not here: at compilation start GetTypeByMetadataName builds
            // the compilation's merged declaration table (work the compiler does anyway, 0.9 s at
            // 1,000 checklists), and the one who asks first is charged for it.
            var compilation = start.Compilation;
            var lookup = new Lazy<DslAttributes?>(() => DslAttributes.From(compilation));
            start.RegisterSymbolStartAction(symbolStart =>
            {
                if (lookup.Value is not { } dsl)
                    return;
                // Only [Checklist] classes go on (reading a type's own attributes is cheap). The plan
                // is read at the type's end, once the compiler has bound its members' attributes for
                // itself: read at the type's start, that binding ran on (and was charged to) this analyzer.
                if (!PlanReader.IsChecklist((INamedTypeSymbol)symbolStart.Symbol, dsl))
                    return;
                symbolStart.RegisterSymbolEndAction(end => AnalyzeType(end, dsl));
            }, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, DslAttributes dsl)
    {
        var plan = PlanReader.Read((INamedTypeSymbol)context.Symbol, dsl, context.CancellationToken);
        if (plan is null)
            return;
        foreach (var diagnostic in Analyze(plan, context.CancellationToken))
            context.ReportDiagnostic(diagnostic);
    }

    /// <summary>Every diagnostic for a plan, after [AssumeSafe].</summary>
    internal static IEnumerable<Diagnostic> Analyze(ChecklistPlan plan, CancellationToken cancellationToken)
    {
        var context = new RuleContext(cancellationToken);
        foreach (var rule in Rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rule(plan, context);
        }
        var findings = context.Findings.ToArray();
        InvalidAssumeSafeRule.Analyze(plan, findings, context);

        foreach (var finding in context.Findings)
        {
            if (!IsAccepted(plan, finding))
                yield return finding.ToDiagnostic();
        }
    }

    private static bool IsAccepted(ChecklistPlan plan, Finding finding)
    {
        if (finding.Owner is null || finding.Rule == DiagnosticDescriptors.InvalidAssumeSafe)
            return false;
        foreach (var assumption in plan.Assumptions)
        {
            if (SymbolEqualityComparer.Default.Equals(assumption.Method, finding.Owner) && assumption.Accepts(finding.Rule.Id))
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

    public void Report(DiagnosticDescriptor rule, Location location, IMethodSymbol? owner, params object?[] arguments) =>
        Findings.Add(new Finding(rule, location, owner, arguments));

    public void Report(Finding finding) => Findings.Add(finding);
}
