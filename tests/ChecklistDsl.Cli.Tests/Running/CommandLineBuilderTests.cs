using ChecklistDsl.Cli.Running;

namespace ChecklistDsl.Cli.Tests.Running;

[TestClass]
public sealed class CommandLineBuilderTests
{
    private static readonly InputDefinition[] Inputs =
    [
        new() { Name = "Site", Description = "Site", EnvironmentVariable = "SITE" },
        new() { Name = "Folder", Description = "Folder", EnvironmentVariable = "FOLDER" },
        new() { Name = "ApiToken", Description = "Token", IsSecret = true, EnvironmentVariable = "API_TOKEN" },
    ];

    private static readonly Dictionary<string, string> Values = new() { ["Site"] = "example.org", ["Folder"] = "/tmp/it's here" };

    [TestMethod]
    public void Inputs_are_substituted_shell_quoted_and_secrets_become_environment_references()
    {
        var unix = new CommandLineBuilder(Inputs, Values, windows: false);

        Assert.AreEqual(
            "deploy example.org '/tmp/it'\\''s here' --token \"$API_TOKEN\"",
            unix.Build("deploy {Site} {Folder} --token {ApiToken}"));
    }

    [TestMethod]
    public void Doubled_braces_are_literal_braces_as_CHK008_reads_them()
    {
        var unix = new CommandLineBuilder(Inputs, new Dictionary<string, string> { ["Site"] = "backend:8080" }, windows: false);

        Assert.AreEqual("printf '{Site} -> backend:8080'", unix.Build("printf '{{Site}} -> {Site}'"));
        Assert.AreEqual("awk '{print $1}' {x}", unix.Build("awk '{print $1}' {{x}}"));
        Assert.AreEqual("echo {{ }} {", unix.Build("echo {{{{ }}}} {{"));
    }

    [TestMethod]
    public void A_placeholder_is_any_CSharp_identifier_as_CHK008_reads_it()
    {
        var inputs = new InputDefinition[] { new() { Name = "Größe", Description = "Size", EnvironmentVariable = "GROSSE" } };
        var unix = new CommandLineBuilder(inputs, new Dictionary<string, string> { ["Größe"] = "10G" }, windows: false);

        Assert.AreEqual("resize 10G {1x} { Größe }", unix.Build("resize {Größe} {1x} { Größe }"));
    }

    [TestMethod]
    public void On_windows_secrets_are_percent_references_and_values_double_quoted()
    {
        var windows = new CommandLineBuilder(Inputs, Values, windows: true);

        Assert.AreEqual("deploy \"example.org\" %API_TOKEN%", windows.Build("deploy {Site} {ApiToken}"));
    }

    [TestMethod]
    public void An_unknown_or_unset_placeholder_is_left_as_written()
    {
        var unix = new CommandLineBuilder(Inputs, new Dictionary<string, string>(), windows: false);

        Assert.AreEqual("echo {Site} {Unknown} ${HOME}", unix.Build("echo {Site} {Unknown} ${HOME}"));
    }
}
