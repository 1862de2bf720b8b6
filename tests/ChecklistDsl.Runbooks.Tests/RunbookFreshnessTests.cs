using ChecklistDsl.Runbooks;
using ChecklistDsl.Runbooks.Tests.Infrastructure;

namespace ChecklistDsl.Runbooks.Tests;

/// <summary>The committed docs/runbooks/ match what building the seed checklists writes.</summary>
[TestClass]
public sealed class RunbookFreshnessTests
{
    private static IReadOnlyDictionary<string, string> Expected() =>
        RunbookFolder.ExpectedFiles(RunbookMetadataReader.Read(Repository.ChecklistsAssembly).Runbooks);

    [TestMethod]
    public void The_committed_runbooks_are_up_to_date()
    {
        var stale = RunbookFolder.StaleFiles(Repository.RunbooksFolder, Expected());

        Assert.IsEmpty(stale,
            $"docs/runbooks/ is stale: {string.Join(", ", stale)}. Regenerate with `dotnet build checklists/Checklists.csproj` " +
            "(outside CI it writes docs/runbooks/), delete runbooks of removed checklists, and commit docs/runbooks/.");
    }

    [TestMethod]
    public void The_build_wrote_every_runbook_and_the_index_to_its_runbooks_folder()
    {
        // CI leaves docs/runbooks/ as committed and writes to the default runbooks/ beside the
        // checklists assembly; a developer's build writes docs/runbooks/ (checklists/Checklists.csproj).
        // bin/{Configuration}/net10.0/: the checklists project was built in the same configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var folder = Repository.IsCi
            ? RepositoryRoot.Combine("checklists", "bin", configuration, "net10.0", "runbooks")
            : Repository.RunbooksFolder;
        var expected = Expected();

        Assert.HasCount(6, expected, "five runbooks and the index");
        foreach (var (name, content) in expected)
        {
            var path = Path.Combine(folder, name);
            Assert.IsTrue(File.Exists(path), $"the build did not write {path}");
            Assert.AreEqual(content, File.ReadAllText(path), path);
        }
    }
}
