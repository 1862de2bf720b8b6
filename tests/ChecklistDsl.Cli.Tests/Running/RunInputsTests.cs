using ChecklistDsl.Cli.Running;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Running;

[TestClass]
public sealed class RunInputsTests
{
    private static readonly ChecklistDefinition Checklist = TestDefinitions.WithInputs(
        new() { Name = "Site", Description = "Site", EnvironmentVariable = "SITE" },
        new() { Name = "ApiToken", Description = "Token", IsSecret = true, EnvironmentVariable = "API_TOKEN" });

    [TestMethod]
    public void Values_come_from_the_command_line_then_the_environment_and_secrets_only_from_the_environment()
    {
        var environment = new Dictionary<string, string> { ["SITE"] = "from-env", ["API_TOKEN"] = "t0ken-value" };

        var inputs = RunInputs.Resolve(Checklist, new Dictionary<string, string> { ["site"] = "from-option" }, ask: null, environment: environment.GetValueOrDefault);

        Assert.AreEqual("from-option", inputs.Values["Site"]);
        Assert.AreEqual("t0ken-value", inputs.Secrets["ApiToken"]);
        Assert.IsFalse(inputs.Values.ContainsKey("ApiToken"), "a secret is never among the recorded values");
        Assert.AreEqual("from-option", inputs.Environment["SITE"]);
        Assert.AreEqual("t0ken-value", inputs.Environment["API_TOKEN"]);
        Assert.AreEqual("x *** y", inputs.Redactor.Redact("x t0ken-value y"));
    }

    [TestMethod]
    public void Missing_values_are_listed_with_how_to_give_them()
    {
        var error = Assert.ThrowsExactly<CliException>(() =>
            RunInputs.Resolve(Checklist, new Dictionary<string, string>(), ask: null, environment: _ => null));

        Assert.AreEqual(ExitCodes.UsageError, error.ExitCode);
        Assert.Contains("--input Site=VALUE", error.Message);
        Assert.Contains("set the environment variable API_TOKEN", error.Message);
    }

    [TestMethod]
    public void An_unknown_input_is_a_usage_error()
    {
        var error = Assert.ThrowsExactly<CliException>(() =>
            RunInputs.Resolve(Checklist, new Dictionary<string, string> { ["Nope"] = "1" }, ask: null, environment: _ => "x"));

        Assert.Contains("has no input 'Nope'", error.Message);
        Assert.Contains("Site", error.Message);
    }
}
