using ChecklistDsl.Cli.Running;
using ChecklistDsl.Cli.Tests.Support;

namespace ChecklistDsl.Cli.Tests.Running;

/// <summary><see cref="RunInputs"/>: bool inputs read yes/no and are recorded as true/false; on resume, a run's inputs are fixed.</summary>
[TestClass]
public sealed class BoolInputsAndResumeTests
{
    private static readonly ChecklistDefinition Checklist = TestDefinitions.WithInputs(
        new() { Name = "Site", Description = "Site", EnvironmentVariable = "SITE" },
        new() { Name = "UsesCdn", Description = "The site uses a CDN", IsBool = true, EnvironmentVariable = "USES_CDN" },
        new() { Name = "ApiToken", Description = "Token", IsSecret = true, EnvironmentVariable = "API_TOKEN" });

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var all = variables.ToDictionary(v => v.Name, v => v.Value);
        all.TryAdd("API_TOKEN", "t0ken");
        return all.GetValueOrDefault;
    }

    private static Dictionary<string, string> Given(params (string Name, string Value)[] pairs) => pairs.ToDictionary(p => p.Name, p => p.Value);

    [TestMethod]
    [DataRow("yes", "true")]
    [DataRow("YES", "true")]
    [DataRow(" True ", "true")]
    [DataRow("no", "false")]
    [DataRow("False", "false")]
    public void A_bool_input_reads_true_false_yes_or_no_in_any_case_and_is_recorded_as_true_or_false(string given, string recorded)
    {
        var byOption = RunInputs.Resolve(Checklist, Given(("Site", "s"), ("UsesCdn", given)), ask: null, environment: Environment());
        var byEnvironment = RunInputs.Resolve(Checklist, Given(("Site", "s")), ask: null, environment: Environment(("USES_CDN", given)));

        Assert.AreEqual(recorded, byOption.Values["UsesCdn"]);
        Assert.AreEqual(recorded, byEnvironment.Values["UsesCdn"]);
        Assert.AreEqual(recorded, byOption.Environment["USES_CDN"], "commands see the value as recorded");
    }

    [TestMethod]
    [DataRow("1")]
    [DataRow("on")]
    [DataRow("")]
    public void A_bool_input_that_is_not_yes_or_no_is_a_usage_error(string given)
    {
        var error = Assert.ThrowsExactly<CliException>(() =>
            RunInputs.Resolve(Checklist, Given(("Site", "s"), ("UsesCdn", given)), ask: null, environment: Environment()));

        Assert.AreEqual(ExitCodes.UsageError, error.ExitCode);
        Assert.Contains($"'{given}' from --input UsesCdn={given} is not one of true, false, yes, no", error.Message);
    }

    [TestMethod]
    public void A_string_input_is_taken_as_given()
    {
        var inputs = RunInputs.Resolve(Checklist, Given(("Site", "Yes"), ("UsesCdn", "no")), ask: null, environment: Environment());

        Assert.AreEqual("Yes", inputs.Values["Site"]);
    }

    [TestMethod]
    public void Resume_uses_the_recorded_values_and_accepts_the_same_ones_however_spelled()
    {
        var recorded = Given(("Site", "s"), ("UsesCdn", "true"));

        var plain = RunInputs.ForResume(Checklist, recorded, Given(), ask: null, environment: Environment());
        var same = RunInputs.ForResume(Checklist, recorded, Given(("usescdn", "YES"), ("Site", "s")), ask: null, environment: Environment(("USES_CDN", "yes")));

        Assert.AreEqual("true", plain.Values["UsesCdn"]);
        Assert.AreEqual("s", same.Values["Site"]);
        Assert.AreEqual("true", same.Values["UsesCdn"]);
    }

    [TestMethod]
    public void Resume_refuses_a_value_given_on_the_command_line_or_in_the_environment_that_differs_from_the_recorded_one()
    {
        var recorded = Given(("Site", "s"), ("UsesCdn", "true"));

        var byOption = Assert.ThrowsExactly<CliException>(() =>
            RunInputs.ForResume(Checklist, recorded, Given(("UsesCdn", "no")), ask: null, environment: Environment()));
        var byEnvironment = Assert.ThrowsExactly<CliException>(() =>
            RunInputs.ForResume(Checklist, recorded, Given(), ask: null, environment: Environment(("SITE", "other"))));
        var badBool = Assert.ThrowsExactly<CliException>(() =>
            RunInputs.ForResume(Checklist, recorded, Given(("UsesCdn", "perhaps")), ask: null, environment: Environment()));
        var secret = Assert.ThrowsExactly<CliException>(() =>
            RunInputs.ForResume(Checklist, recorded, Given(("ApiToken", "x")), ask: null, environment: Environment()));

        Assert.AreEqual(ExitCodes.UsageError, byOption.ExitCode);
        Assert.Contains("UsesCdn: the run started with 'true'; --input UsesCdn=no says 'false'", byOption.Message);
        Assert.Contains("Site: the run started with 's'; the environment variable SITE says 'other'", byEnvironment.Message);
        Assert.Contains("is not one of true, false, yes, no", badBool.Message);
        Assert.Contains("is a secret", secret.Message);
    }
}
