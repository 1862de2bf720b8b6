using System.Text;
using System.Text.RegularExpressions;
using ChecklistDsl.Shared;

namespace ChecklistDsl.Cli.Running;

/// <summary>
/// Turns a command template into the line the shell runs: a non-secret <c>{Input}</c> becomes its
/// value, shell-quoted; a <c>{Secret}</c> becomes a reference to the environment variable that carries
/// it for the child process only (<c>"$API_TOKEN"</c> with sh, <c>%API_TOKEN%</c> with cmd), so the
/// value never appears in a command line, a process list or the journal.
/// </summary>
internal sealed partial class CommandLineBuilder(IReadOnlyList<InputDefinition> inputs, IReadOnlyDictionary<string, string> values, bool windows)
{
    /// <summary>For the current platform.</summary>
    public static CommandLineBuilder ForThisPlatform(IReadOnlyList<InputDefinition> inputs, IReadOnlyDictionary<string, string> values) =>
        new(inputs, values, OperatingSystem.IsWindows());

    /// <summary>
    /// The line to run: <c>{{</c> and <c>}}</c> are literal braces (src/Shared/CommandTemplate.cs: the grammar of CHK008 and the runbook), and
    /// an unknown or missing placeholder is left as written, so the mistake shows.
    /// </summary>
    public string Build(string template) =>
        CommandTemplate.Fill(template, name =>
        {
            var input = inputs.FirstOrDefault(i => i.Name == name);
            if (input is null)
                return null;
            if (input.IsSecret)
                return windows ? $"%{input.EnvironmentVariable}%" : $"\"${input.EnvironmentVariable}\"";
            return values.TryGetValue(name, out var value) ? Quote(value) : null;
        });

    /// <summary>Quotes a value as one shell word.</summary>
    public string Quote(string value)
    {
        if (windows)
            return "\"" + value.Replace("\"", "\"\"") + "\"";
        if (value.Length > 0 && SafeWord().IsMatch(value))
            return value;
        var sb = new StringBuilder("'");
        sb.Append(value.Replace("'", "'\\''"));
        return sb.Append('\'').ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9_@%+=:,./\-]+$")]
    private static partial Regex SafeWord();
}
