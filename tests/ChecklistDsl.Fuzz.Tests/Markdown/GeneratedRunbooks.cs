using System.Runtime.Loader;
using ChecklistDsl.Fuzz.Tests.Fuzzing;
using ChecklistDsl.Fuzz.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ChecklistDsl.Fuzz.Tests.Markdown;

/// <summary>
/// Generates, compiles and loads checklists, and hands back their definitions (whose Markdown is the
/// runbook). Many cases share one compilation: it is the costly part.
/// </summary>
internal static class GeneratedRunbooks
{
    public static IReadOnlyList<(RunbookCase Case, ChecklistDefinition Definition)> Build(IReadOnlyList<RunbookCase> cases, int perCompilation = 25)
    {
        var result = new List<(RunbookCase, ChecklistDefinition)>();
        foreach (var chunk in cases.Chunk(perCompilation))
        {
            var source = "using ChecklistDsl;\n\n" + string.Concat(chunk.Select(c => c.Source()));
            var compilation = Compilations.Create("Runbooks" + chunk[0].Seed, [("/checklists/Hostile.cs", source)]);
            var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(FuzzTarget.Generators, parseOptions: Compilations.ParseOptions)
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
            var exceptions = driver.GetRunResult().Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()).ToList();
            Assert.IsEmpty(exceptions, string.Join("\n", exceptions));
            Assert.IsEmpty(diagnostics, "The generator reported: " + string.Join("\n", diagnostics));

            using var image = new MemoryStream();
            var emitted = output.Emit(image);
            Assert.IsTrue(emitted.Success, "The generated code does not compile:\n"
                + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)) + "\n" + source);
            image.Position = 0;
            var assembly = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(image);
            var definitions = ChecklistCatalog.FromAssembly(assembly).ToDictionary(d => d.Name);
            foreach (var item in chunk)
            {
                Assert.IsTrue(definitions.TryGetValue(item.ClassName, out var definition), $"{item.ClassName} was not generated\n{item.Describe()}");
                result.Add((item, definition));
            }
        }
        return result;
    }
}
