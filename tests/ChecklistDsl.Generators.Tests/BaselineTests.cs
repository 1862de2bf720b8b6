using ChecklistDsl.Generators.Tests.Infrastructure;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// The whole generated output for representative checklists, compared with the committed baselines
/// in Baselines/. After an intended change: UPDATE_BASELINES=1 dotnet test, then review the diff.
/// </summary>
[TestClass]
public sealed class BaselineTests
{
    [TestMethod]
    [DataRow("DeploySafelyToProduction")]
    [DataRow("ProductionToStagingSync")]
    [DataRow("MinimalManual")]
    [DataRow("ConditionsRetriesWaits")]
    public void Generated_files_match_the_baselines(string input)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Compilation((input + ".cs", TestFiles.Input(input + ".cs"))));

        Assert.AreEqual(0, GeneratorHarness.Errors(result.Output).Count, "The output does not compile:\n" + string.Join("\n", GeneratorHarness.Errors(result.Output)));
        // Read from the copy beside the test assembly (source paths are mapped away in CI builds).
        var baselineFolder = Path.Combine(AppContext.BaseDirectory, "Baselines", input);
        var expectedFiles = Directory.Exists(baselineFolder)
            ? Directory.GetFiles(baselineFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        var actualFiles = result.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToList();

        if (TestFiles.UpdateBaselines)
        {
            baselineFolder = Path.Combine(TestFiles.ProjectDirectory(), "Baselines", input);
            if (Directory.Exists(baselineFolder))
                Directory.Delete(baselineFolder, recursive: true);
            Directory.CreateDirectory(baselineFolder);
            foreach (var source in result.Sources)
                File.WriteAllText(Path.Combine(baselineFolder, source.HintName), source.SourceText.ToString());
            return;
        }

        CollectionAssert.AreEqual(expectedFiles, actualFiles, "Generated files differ from the baselines' (UPDATE_BASELINES=1 to accept).");
        foreach (var source in result.Sources)
        {
            var expected = File.ReadAllText(Path.Combine(baselineFolder, source.HintName));
            Assert.AreEqual(expected, source.SourceText.ToString(), $"{input}/{source.HintName} differs from its baseline (UPDATE_BASELINES=1 to accept).");
        }
    }
}
