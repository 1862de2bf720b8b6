using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using ChecklistDsl.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChecklistDsl.CodeFixes;

/// <summary>
/// CHK001: inserts, before the destructive step, a stub step that backs the resource up:
/// <c>[Step("Back up db")] [Backup("db")] void BackUpDb() { }</c>. It claims nothing (no Verified,
/// no OffSite). Several findings for one resource in one class get one backup, before the first.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(AddBackupStepCodeFix)), Shared]
public sealed class AddBackupStepCodeFix : ChecklistCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticDescriptors.DestroyWithoutBackup.Id);

    /// <inheritdoc />
    protected override string Title(Diagnostic diagnostic) => $"Add a step that backs up '{Resource(diagnostic)}' before this one";

    /// <inheritdoc />
    private protected override TypeDeclarationSyntax? FixClass(ChecklistClassFix fix, CancellationToken cancellationToken)
    {
        // Each resource once, before its first destroying step in this class.
        var inserts = new List<(MemberDeclarationSyntax, MemberDeclarationSyntax)>();
        foreach (var byResource in fix.Findings
            .Where(f => f.Method is not null && Resource(f.Diagnostic).Length > 0)
            .GroupBy(f => Resource(f.Diagnostic), StringComparer.OrdinalIgnoreCase))
        {
            var before = byResource.Select(f => f.Method!).OrderBy(m => m.SpanStart).First();
            var resource = byResource.Key;
            var name = SyntaxShapes.Fresh("BackUp" + SyntaxShapes.Pascal(resource), fix.Taken);
            inserts.Add((before, SyntaxShapes.Member(
            [
                $"[{fix.AttributePrefix}Step({SyntaxShapes.Literal("Back up " + resource)})]",
                $"[{fix.AttributePrefix}Backup({SyntaxShapes.Literal(resource)})]",
                $"void {name}() {{ }}",
            ], SyntaxShapes.Indentation(before), fix.EndOfLine, SyntaxShapes.HasBlankLineBefore(before))));
        }
        return inserts.Count == 0 ? null : SyntaxShapes.InsertBefore(fix.Type, inserts);
    }

    private static string Resource(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FindingProperties.Resource, out var resource) && resource is not null ? resource.Trim() : "";
}
