using System;
using System.Text.RegularExpressions;

namespace ChecklistDsl.Generators.Analysis.Rules;

/// <summary>A credential-looking piece of a string: where it is and what it looks like.</summary>
internal readonly struct CredentialMatch
{
    public CredentialMatch(int start, int length, string kind)
    {
        Start = start;
        Length = length;
        Kind = kind;
    }

    public int Start { get; }
    public int Length { get; }

    /// <summary>For the message: "a password", "an AWS access key", ...</summary>
    public string Kind { get; }
}

/// <summary>
/// Spots literals that look like credentials (CHK009). A <c>{Placeholder}</c>, an environment
/// variable (<c>$VAR</c>, <c>%VAR%</c>) or a redaction (<c>***</c>, <c>&lt;token&gt;</c>) in the
/// credential's place is fine. The value itself is never echoed into a message.
/// </summary>
internal static class CredentialDetector
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Value = @"(?<value>""[^""]*""|'[^']*'|[^\s&;,""']+)";

    private static readonly (Regex Pattern, string Kind)[] Patterns =
    [
        (new Regex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----(?<value>)", Options, Timeout), "a private key"),
        (new Regex(@"\b(?<value>AKIA[0-9A-Z]{16})\b", RegexOptions.CultureInvariant, Timeout), "an AWS access key"),
        (new Regex(@"\b(?<value>(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}))", RegexOptions.CultureInvariant, Timeout), "a GitHub token"),
        (new Regex(@"\b(?<value>xox[abprs]-[A-Za-z0-9-]{10,})", RegexOptions.CultureInvariant, Timeout), "a Slack token"),
        (new Regex(@"\b[a-z][a-z0-9+.\-]*://[^\s/:@]+:(?<value>[^\s/@]+)@", Options, Timeout), "a password in a URL"),
        (new Regex(@"\bBearer\s+(?<value>[^\s""'()\[\]]+)", Options, Timeout), "a bearer token"),
        (new Regex(@"--(?:password|passwd|pwd|token|secret|api-?key|access-key|secret-key|client-secret|auth-token)\s+" + Value, Options, Timeout), "a password or token"),
        // Bare "pwd" is left out: $PWD is the shell's working directory (MYSQL_PWD still counts).
        (new Regex(@"(?:password|passwd|_pwd|token|secret|api[_\-]?key|access[_\-]?key|client[_\-]?secret)(?:\s*=\s*|:)" + Value, Options, Timeout), "a password or token"),
        (new Regex(@"(?<=^|\s)-p(?<value>'[^']*'|""[^""]*"")", RegexOptions.CultureInvariant, Timeout), "a password"),
    ];

    // mysql -psecret (unquoted) only counts on a MySQL command line: elsewhere -p... is often flags.
    private static readonly Regex MySqlLine = new(@"\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b", Options, Timeout);
    private static readonly Regex MySqlUnquoted = new(@"(?<=^|\s)-p(?<value>[^\s'""]+)", RegexOptions.CultureInvariant, Timeout);

    /// <summary>The first credential-looking piece of <paramref name="text"/>, if any.</summary>
    public static CredentialMatch? Find(string text)
    {
        try
        {
            foreach (var (pattern, kind) in Patterns)
            {
                if (First(pattern, text, kind) is { } match)
                    return match;
            }
            if (MySqlLine.IsMatch(text) && First(MySqlUnquoted, text, "a password") is { } mysql)
                return mysql;
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological string: better no finding than a stuck build.
        }
        return null;
    }

    private static CredentialMatch? First(Regex pattern, string text, string kind)
    {
        for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
        {
            var value = match.Groups["value"];
            if (value.Length > 0 && IsStandIn(value.Value))
                continue;
            return new CredentialMatch(match.Index, match.Length, kind);
        }
        return null;
    }

    /// <summary>Not a credential but a reference to one, or a redaction.</summary>
    private static bool IsStandIn(string value)
    {
        var v = value.Trim();
        if (v.Length >= 2 && (v[0] == '"' || v[0] == '\'') && v[v.Length - 1] == v[0])
            v = v.Substring(1, v.Length - 2).Trim();
        if (v.Length == 0)
            return true;
        if (v[0] == '{' && !v.StartsWith("{{", StringComparison.Ordinal))
            return true; // {Placeholder}
        if (v[0] == '$' || (v[0] == '%' && v.Length > 2 && v[v.Length - 1] == '%'))
            return true; // $ENV_VAR, ${ENV_VAR}, $(command), %ENV_VAR%
        if (v[0] == '<' && v[v.Length - 1] == '>')
            return true; // <token>
        return v.Trim('*', '.', 'x', 'X').Length == 0; // ***, ..., xxxx
    }
}
