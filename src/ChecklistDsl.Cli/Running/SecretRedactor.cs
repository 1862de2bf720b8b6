using System.Text.RegularExpressions;

namespace ChecklistDsl.Cli.Running;

/// <summary>
/// Replaces secret values, and text shaped like a credential, with <c>***</c> in everything the runner
/// shows or records: command output, command lines, failure messages.
/// </summary>
internal sealed partial class SecretRedactor
{
    public const string Mask = "***";
    private readonly string[] _secrets;

    /// <summary>The shortest line of a several-line secret that is masked on its own.</summary>
    private const int MinimumSecretLine = 4;

    /// <param name="secrets">The run's secret values; empty ones are ignored.</param>
    public SecretRedactor(IEnumerable<string> secrets) =>
        // Longest first, so that a secret containing another is masked whole.
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).SelectMany(WithLines).Distinct().OrderByDescending(s => s.Length).ToArray();

    /// <summary>
    /// The secret, and each line of a secret of several lines (a key file): command output is redacted
    /// line by line, where the whole value never appears.
    /// </summary>
    private static IEnumerable<string> WithLines(string secret)
    {
        yield return secret;
        if (secret.IndexOfAny(['\r', '\n']) < 0)
            yield break;
        foreach (var line in secret.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.Length >= MinimumSecretLine)
                yield return line;
        }
    }

    /// <summary>The text with every secret and credential shape masked.</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
            return text;
        foreach (var secret in _secrets)
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        text = Bearer().Replace(text, "${scheme} " + Mask);
        text = UrlCredentials().Replace(text, "${scheme}${user}:" + Mask + "@");
        text = KeyValue().Replace(text, "${key}${sep}" + Mask);
        text = AwsAccessKey().Replace(text, Mask);
        return text;
    }

    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Basic|Token))\s+[A-Za-z0-9\-._~+/]{6,}=*", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(?<scheme>\b[a-z][a-z0-9+.\-]*://)(?<user>[^\s:/@]+):[^\s@/]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();

    // password=..., api_key: ..., "token": "..." (JSON), --password=...
    [GeneratedRegex(@"(?<key>\b(?:password|passwd|pwd|pass|secret|client[_-]?secret|token|access[_-]?token|api[_-]?key|apikey)""?)(?<sep>\s*[=:]\s*""?)(?!\*\*\*)[^\s""'&,;]+", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AwsAccessKey();
}
