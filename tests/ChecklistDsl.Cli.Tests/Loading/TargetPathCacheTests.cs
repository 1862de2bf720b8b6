using ChecklistDsl.Cli.Loading;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Loading;

/// <summary>--no-build reuses MSBuild's last answer only while what it was computed from is unchanged.</summary>
[TestClass]
public sealed class TargetPathCacheTests
{
    [TestMethod]
    public void The_path_is_reused_until_the_project_a_build_file_above_it_or_the_assembly_changes()
    {
        using var folder = new TempFolder();
        var projectFolder = Path.Combine(folder.Path, "src", "Ops");
        Directory.CreateDirectory(Path.Combine(projectFolder, "obj"));
        var project = Path.Combine(projectFolder, "Ops.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var assembly = Path.Combine(projectFolder, "bin", "Ops.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(assembly)!);
        File.WriteAllText(assembly, "");

        TargetPathCache.Write(project, assembly);
        Assert.AreEqual(assembly, TargetPathCache.Read(project));

        File.SetLastWriteTimeUtc(project, DateTime.UtcNow.AddMinutes(1));
        Assert.IsNull(TargetPathCache.Read(project), "the project file changed");

        TargetPathCache.Write(project, assembly);
        File.WriteAllText(Path.Combine(folder.Path, "Directory.Build.props"), "<Project />");
        Assert.IsNull(TargetPathCache.Read(project), "a Directory.Build.props appeared above the project");

        TargetPathCache.Write(project, assembly);
        Assert.AreEqual(assembly, TargetPathCache.Read(project));
        File.Delete(assembly);
        Assert.IsNull(TargetPathCache.Read(project), "the assembly is gone");
    }

    [TestMethod]
    public void Without_an_obj_folder_nothing_is_written_and_nothing_is_reused()
    {
        using var folder = new TempFolder();
        var project = Path.Combine(folder.Path, "Ops.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\" />");

        TargetPathCache.Write(project, project);

        Assert.IsFalse(Directory.Exists(Path.Combine(folder.Path, "obj")));
        Assert.IsNull(TargetPathCache.Read(project));
    }
}
