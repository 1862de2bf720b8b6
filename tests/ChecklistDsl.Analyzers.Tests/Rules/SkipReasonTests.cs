using System.Collections.Immutable;
using ChecklistDsl.Analyzers.Tests.Infrastructure;
using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Generators.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChecklistDsl.Analyzers.Tests.Rules;

/// <summary>
/// Every reason the generator skips a [Checklist] class (<see cref="SkipReason"/>) is reported: the
/// generator writes no file for the class, the DSL reader names that reason among the description's
/// problems, and an analyzer reports an error the author can act on (CHK011, or CHK003, CHK015). A new
/// reason without a sample here fails.
/// </summary>
[TestClass]
public sealed class SkipReasonTests
{
    private static readonly Dictionary<SkipReason, (string Source, string Id)> Samples = new()
    {
        [SkipReason.NotAClass] = ("[Checklist] public partial record Checklist1 { [Step] void Prepare() { } }", "CHK011"),
        [SkipReason.Generic] = ("[Checklist] public partial class Checklist1<T> { [Step] void Prepare() { } }", "CHK011"),
        [SkipReason.NotPartial] = ("[Checklist] public class Checklist1 { [Step] void Prepare() { } }", "CHK011"),
        [SkipReason.NamedLikeGeneratedMember] = ("[Checklist] public partial class Markdown { [Step] void Prepare() { } }", "CHK011"),
        [SkipReason.NotVisibleToCatalog] = ("public partial class Outer { [Checklist] private partial class Checklist1 { [Step] void Prepare() { } } }", "CHK011"),
        [SkipReason.UnsupportedContainingType] = ("public class Outer { [Checklist] public partial class Checklist1 { [Step] void Prepare() { } } }", "CHK011"),
        [SkipReason.DeclaresGeneratedMember] = ("[Checklist] public partial class Checklist1 { public const string Markdown = \"x\"; [Step] void Prepare() { } }", "CHK011"),
        [SkipReason.StepAndRollback] = ("[Checklist] public partial class Checklist1 { [Step, Rollback] void Prepare() { } [Step] void Go() { } }", "CHK011"),
        [SkipReason.StateNameTaken] = ("[Checklist] public partial class Checklist1 { [Step] void Completed() { } }", "CHK011"),
        [SkipReason.NoSteps] = ("[Checklist] public partial class Checklist1 { }", "CHK011"),
        [SkipReason.MalformedTimeout] = ("[Checklist] public partial class Checklist1 { [Step(Timeout = \"soon\")] void Prepare() { } }", "CHK011"),
        [SkipReason.MalformedRetry] = ("[Checklist] public partial class Checklist1 { [Step, Command(\"x\", Retries = -1)] void Prepare() { } }", "CHK011"),
        [SkipReason.MalformedWait] = ("[Checklist] public partial class Checklist1 { [Step, WaitUntil(\"x\", Every = \"often\")] void Prepare() { } }", "CHK011"),
        [SkipReason.RollbackWithNamesNoRollback] = ("[Checklist] public partial class Checklist1 { [Step, Modifies(\"x\"), RollbackWith(\"Nope\")] void Prepare() { } }", "CHK003"),
        [SkipReason.ApprovalQuorumBelowOne] = ("[Checklist] public partial class Checklist1 { [Step, Approval(\"QA\", Required = 0)] void Prepare() { } }", "CHK015"),
    };

    public static IEnumerable<object[]> Reasons =>
        Enum.GetValues<SkipReason>().Where(r => r is not SkipReason.GeneratorFailure).Select(r => new object[] { r.ToString() });

    [TestMethod]
    [DynamicData(nameof(Reasons))]
    public async Task Each_skip_is_named_by_the_parser_and_reported_by_an_analyzer(string name)
    {
        var reason = Enum.Parse<SkipReason>(name);
        Assert.IsTrue(Samples.TryGetValue(reason, out var sample), $"SkipReason.{reason} has no sample: add one, and the diagnostic that explains it");
        var compilation = TestCompilation.Create(Verify.Usings + sample.Source);

        var type = compilation.GetSymbolsWithName(n => n is "Checklist1" or "Markdown", SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();
        var description = ChecklistReader.Read(type, type.GetAttributes().First(), new SyntaxAttributeReader(compilation, default), default);
        CollectionAssert.Contains(description.Problems.Select(p => p.Reason).ToList(), reason);

        CSharpGeneratorDriver.Create(new ChecklistGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out _, out var generatorDiagnostics)
            .GetRunResult().Results.Single().GeneratedSources.Where(s => s.HintName.Contains(type.Name, StringComparison.Ordinal)).ToList()
            .ForEach(s => Assert.Fail($"{s.HintName} was generated"));
        Assert.IsEmpty(generatorDiagnostics, "the generator reports only its own failures");

        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        Assert.IsTrue(diagnostics.Any(d => d.Id == sample.Id && d.Severity == DiagnosticSeverity.Error),
            $"{reason}: no {sample.Id} error. Reported: {string.Join("; ", diagnostics.Select(d => d.Id + " " + d.GetMessage()))}");
    }

    [TestMethod]
    public void The_generators_own_failure_is_reported_as_CHK000_and_the_class_skipped()
    {
        var compilation = TestCompilation.Create(Verify.Usings + "[Checklist] public partial class Checklist1 { [Step] void Prepare() { } }");
        ChecklistGenerator.FailForTesting = _ => throw new InvalidOperationException("a bug");
        ImmutableArray<Diagnostic> diagnostics;
        GeneratorDriverRunResult result;
        try
        {
            // Synchronously, on this thread: the hook is per thread.
            result = CSharpGeneratorDriver.Create([new ChecklistGenerator().AsSourceGenerator()], driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None))
                .RunGeneratorsAndUpdateCompilation(compilation, out _, out diagnostics).GetRunResult();
        }
        finally
        {
            ChecklistGenerator.FailForTesting = null;
        }

        Assert.IsNull(result.Results.Single().Exception, "the generator must not throw");
        Assert.IsEmpty(result.Results.Single().GeneratedSources);
        var chk000 = diagnostics.Single();
        Assert.AreEqual("CHK000", chk000.Id);
        StringAssert.Contains(chk000.GetMessage(), "'Checklist1.g.cs': InvalidOperationException: a bug");
    }
}
