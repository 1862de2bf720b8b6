using System.Text;
using ChecklistDsl.Generators.Generation;
using ChecklistDsl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// The whole generated output for representative checklists, compared with the committed baselines
/// in Baselines/ by the Roslyn generator test driver: exactly those files, each whole, no generator
/// diagnostic, and the output compiles. After an intended change: UPDATE_BASELINES=1 dotnet test,
/// then review the diff.
/// </summary>
[TestClass]
public sealed class BaselineTests
{
    [TestMethod]
    [DataRow("DeploySafelyToProduction")]
    [DataRow("ProductionToStagingSync")]
    [DataRow("MinimalManual")]
    [DataRow("ConditionsRetriesWaits")]
    public async Task Generated_files_match_the_baselines(string input)
    {
        if (TestFiles.UpdateBaselines)
        {
            WriteBaselines(input);
            return;
        }

        var test = new BaselineTest();
        test.TestState.Sources.Add((input + ".cs", TestFiles.Input(input + ".cs")));
        // Read from the copy beside the test assembly (source paths are mapped away in CI builds).
        var baselineFolder = Path.Combine(AppContext.BaseDirectory, "Baselines", input);
        // The library compares the file list in the generator's order; the baselines are a set, so they
        // are listed in the order the generator emits them (a file it does not emit goes last, and fails).
        var emitted = GeneratorHarness.Run(GeneratorHarness.Compilation((input + ".cs", TestFiles.Input(input + ".cs")))).Sources.Select(s => s.HintName).ToList();
        foreach (var file in Directory.GetFiles(baselineFolder).Select(Path.GetFileName).OrderBy(n => emitted.IndexOf(n!) is var i and >= 0 ? i : int.MaxValue))
        {
            // The compiler writes generated files as UTF-8.
            test.TestState.GeneratedSources.Add((GeneratedPath(file!), SourceText.From(File.ReadAllText(Path.Combine(baselineFolder, file!)), Encoding.UTF8)));
        }
        await test.RunAsync();
    }

    /// <summary>Where the compiler puts a generated file: under the generator's assembly and type.</summary>
    private static string GeneratedPath(string hintName) =>
        Path.Combine(typeof(ChecklistGenerator).Assembly.GetName().Name!, typeof(ChecklistGenerator).FullName!, hintName);

    private static void WriteBaselines(string input)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Compilation((input + ".cs", TestFiles.Input(input + ".cs"))));
        Assert.IsEmpty(GeneratorHarness.Errors(result.Output), "The output does not compile:\n" + string.Join("\n", GeneratorHarness.Errors(result.Output)));
        var baselineFolder = Path.Combine(TestFiles.ProjectDirectory(), "Baselines", input);
        if (Directory.Exists(baselineFolder))
            Directory.Delete(baselineFolder, recursive: true);
        Directory.CreateDirectory(baselineFolder);
        foreach (var source in result.Sources)
            File.WriteAllText(Path.Combine(baselineFolder, source.HintName), source.SourceText.ToString());
    }

    /// <summary>A checklists project as <see cref="GeneratorHarness"/> compiles one: C# latest, nullable on, references from disk.</summary>
    private sealed class BaselineTest : CSharpSourceGeneratorTest<ChecklistGenerator, DefaultVerifier>
    {
        public BaselineTest()
        {
            // No reference package to download: the references are the targeting pack's, on disk.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(CompilationReferences.Checklists);
        }

        protected override ParseOptions CreateParseOptions() => GeneratorHarness.ParseOptions;

        protected override CompilationOptions CreateCompilationOptions() =>
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
    }
}
