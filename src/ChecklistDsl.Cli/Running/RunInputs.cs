namespace ChecklistDsl.Cli.Running;

/// <summary>
/// A run's input and secret values. Non-secret values come from <c>--input Name=value</c>, the input's
/// environment variable or a prompt, and are recorded in the journal; secrets come from their
/// environment variable or a prompt without echo, and are only ever handed to commands through their
/// environment and to the redactor.
/// </summary>
internal sealed class RunInputs
{
    private RunInputs(ChecklistDefinition checklist, Dictionary<string, string> values, Dictionary<string, string> secrets)
    {
        Values = values;
        Secrets = secrets;
        Redactor = new SecretRedactor(secrets.Values);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in checklist.Inputs)
        {
            if ((input.IsSecret ? secrets : values).TryGetValue(input.Name, out var value))
                environment[input.EnvironmentVariable] = value;
        }
        Environment = environment;
        Builder = CommandLineBuilder.ForThisPlatform(checklist.Inputs, values);
    }

    /// <summary>Non-secret values by input name.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Secret values by input name.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; }

    /// <summary>The variables set for every command (each input's environment variable).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Masks the secrets (and credential shapes).</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>Builds command lines from templates.</summary>
    public CommandLineBuilder Builder { get; }

    /// <summary>A question for a missing value: (input, is secret) to the value, or null when nobody can be asked.</summary>
    public delegate string? Ask(InputDefinition input);

    /// <summary>
    /// Resolves every value; throws a <see cref="CliException"/> (usage error) listing what is missing
    /// unless <paramref name="allowMissing"/> (dry runs show missing values as placeholders).
    /// </summary>
    public static RunInputs Resolve(
        ChecklistDefinition checklist,
        IReadOnlyDictionary<string, string> given,
        Ask? ask,
        bool allowMissing = false,
        Func<string, string?>? environment = null)
    {
        environment ??= System.Environment.GetEnvironmentVariable;
        CheckGivenNames(checklist, given);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var input in checklist.Inputs)
        {
            var value = input.IsSecret
                ? null
                : given.FirstOrDefault(p => string.Equals(p.Key, input.Name, StringComparison.OrdinalIgnoreCase)).Value;
            var source = $"--input {input.Name}={value}";
            if (value is null && environment(input.EnvironmentVariable) is { } fromEnvironment)
                (value, source) = (fromEnvironment, $"the environment variable {input.EnvironmentVariable}");
            if (value is null && ask is not null)
                (value, source) = (ask(input), "the answer typed");
            if (value is not null)
                value = Normalized(input, value, source);
            if (value is null)
            {
                missing.Add(input.IsSecret
                    ? $"secret {input.Name} ({input.Description}): set the environment variable {input.EnvironmentVariable}"
                    : $"input {input.Name} ({input.Description}): pass --input {input.Name}=VALUE or set {input.EnvironmentVariable}");
                continue;
            }
            (input.IsSecret ? secrets : values)[input.Name] = value;
        }
        if (missing.Count > 0 && !allowMissing)
            throw new CliException($"Missing values for '{checklist.Name}':{System.Environment.NewLine}  " + string.Join(System.Environment.NewLine + "  ", missing));
        return new RunInputs(checklist, values, secrets);
    }

    /// <summary>
    /// Resolves again with the non-secret values a journal recorded (for resume). A run's inputs are fixed
    /// when it starts (its conditions and command lines were decided by them): a value given now, with
    /// <c>--input</c> or in the input's environment variable, that differs from the recorded one is refused
    /// (usage error); the same value, however spelled (<c>yes</c> for a recorded <c>true</c>), is accepted.
    /// </summary>
    public static RunInputs ForResume(
        ChecklistDefinition checklist,
        IReadOnlyDictionary<string, string>? recorded,
        IReadOnlyDictionary<string, string> given,
        Ask? ask,
        Func<string, string?>? environment = null)
    {
        environment ??= System.Environment.GetEnvironmentVariable;
        CheckGivenNames(checklist, given);
        var known = (recorded ?? new Dictionary<string, string>())
            .Where(p => checklist.Inputs.Any(i => i.Name == p.Key && !i.IsSecret))
            .ToDictionary(p => p.Key, p => p.Value);
        var differences = new List<string>();
        foreach (var input in checklist.Inputs.Where(i => !i.IsSecret))
        {
            var option = given.FirstOrDefault(p => string.Equals(p.Key, input.Name, StringComparison.OrdinalIgnoreCase)).Value;
            var (now, source) = option is not null
                ? (option, $"--input {input.Name}={option}")
                : (environment(input.EnvironmentVariable), $"the environment variable {input.EnvironmentVariable}");
            if (now is null)
                continue;
            now = Normalized(input, now, source);
            if (!known.TryGetValue(input.Name, out var then))
                known[input.Name] = now; // not recorded (nothing to contradict): taken as given
            else if (!Normalized(input, then, "the journal").Equals(now, StringComparison.Ordinal))
                differences.Add($"{input.Name}: the run started with '{then}'; {source} says '{now}'");
        }
        if (differences.Count > 0)
            throw new CliException(
                $"A run's inputs are fixed when it starts (its conditions and commands were decided by them), and these differ from the ones '{checklist.Name}' started with:{System.Environment.NewLine}  " +
                string.Join(System.Environment.NewLine + "  ", differences) + System.Environment.NewLine +
                "Resume without them (the recorded values are used; unset the environment variables), or start a new run with the new values.");
        return Resolve(checklist, known, ask, environment: environment);
    }

    /// <summary>
    /// A value as recorded and used: a <c>bool</c> input's <c>true</c>/<c>false</c>/<c>yes</c>/<c>no</c>
    /// (any case) becomes <c>true</c> or <c>false</c>; anything else is a usage error naming where it came from.
    /// </summary>
    private static string Normalized(InputDefinition input, string value, string source)
    {
        if (!input.IsBool)
            return value;
        if (!InputValues.TryParseBool(value, out var flag))
            throw new CliException(
                $"The input {input.Name} ({input.Description}) is a yes/no value: '{value}' from {source} is not one of true, false, yes, no.");
        return flag ? "true" : "false";
    }

    /// <summary>Every name given with <c>--input</c> must be a non-secret input of the checklist.</summary>
    private static void CheckGivenNames(ChecklistDefinition checklist, IReadOnlyDictionary<string, string> given)
    {
        foreach (var name in given.Keys)
        {
            var input = checklist.Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
            if (input is null)
                throw new CliException($"The checklist '{checklist.Name}' has no input '{name}'. Its inputs: {Names(checklist.Inputs.Where(i => !i.IsSecret))}.");
            if (input.IsSecret)
                throw new CliException($"'{input.Name}' is a secret: it is not taken on the command line (it would show in the process list and the shell history). Set the environment variable {input.EnvironmentVariable} instead.");
        }
    }

    /// <summary>Every value, secrets included, for <see cref="ChecklistDefinition.CreateInstance"/>.</summary>
    public IReadOnlyDictionary<string, string> AllValues() =>
        Values.Concat(Secrets).ToDictionary(p => p.Key, p => p.Value);

    private static string Names(IEnumerable<InputDefinition> inputs)
    {
        var names = inputs.Select(i => i.Name).ToArray();
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }
}
