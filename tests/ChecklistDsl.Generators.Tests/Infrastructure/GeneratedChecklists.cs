using System.Reflection;

namespace ChecklistDsl.Generators.Tests.Infrastructure;

/// <summary>The test inputs, generated, compiled and loaded once for the whole test run.</summary>
internal static class GeneratedChecklists
{
    private static readonly Lazy<Assembly> Samples = new(() =>
    {
        var compilation = GeneratorHarness.Compilation(
            ("DeploySafelyToProduction.cs", TestFiles.Input("DeploySafelyToProduction.cs")),
            ("ProductionToStagingSync.cs", TestFiles.Input("ProductionToStagingSync.cs")),
            ("MinimalManual.cs", TestFiles.Input("MinimalManual.cs")),
            ("ConditionsRetriesWaits.cs", TestFiles.Input("ConditionsRetriesWaits.cs")));
        return GeneratorHarness.Load(GeneratorHarness.Run(compilation).Output);
    });

    // The five seed checklists of checklists/, compiled from their sources through the generator.
    private static readonly Lazy<Assembly> SeedAssembly = new(() =>
    {
        var folder = RepositoryRoot.Combine("checklists");
        var sources = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).Select(path => (path, File.ReadAllText(path))).ToArray();
        Assert.IsNotEmpty(sources, "no seed checklists in " + folder);
        return GeneratorHarness.Load(GeneratorHarness.Run(GeneratorHarness.Compilation(sources)).Output);
    });

    public static Assembly Assembly => Samples.Value;

    public static Assembly Seeds => SeedAssembly.Value;

    public static ChecklistDefinition Definition(string name) =>
        ChecklistCatalog.FromAssembly(Assembly).Single(d => d.Name == name);

    public static ChecklistMachine NewRun(string name, out ChecklistProgress progress)
    {
        var definition = Definition(name);
        progress = new ChecklistProgress(definition);
        return definition.CreateMachine(progress, ChecklistMachine.NotStarted);
    }
}
