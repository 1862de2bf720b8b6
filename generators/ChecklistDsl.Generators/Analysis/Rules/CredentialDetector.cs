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
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Value = @"(?<value>""[^""]*""|'[^']*'|[^\s&;,""']+)";

    // Each pattern with the substrings it cannot match without (any one of them): running a regex on
    // every attribute string was most of the analyzers' own time, and nearly every string has none.
    // Case-insensitive hints are only trusted on ASCII text, where Regex's IgnoreCase and
    // OrdinalIgnoreCase agree (not so for e.g. the Kelvin sign, which Regex matches to "k").
    private static readonly CredentialPattern[] Patterns =
    [
        new(@"-----BEGIN [A-Z ]*PRIVATE KEY-----(?<value>)", Options, "a private key", "-----"),
        new(@"\b(?<value>AKIA[0-9A-Z]{16})\b", RegexOptions.CultureInvariant, "an AWS access key", "AKIA"),
        new(@"\b(?<value>(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}))", RegexOptions.CultureInvariant, "a GitHub token", "gh", "github_pat_"),
        new(@"\b(?<value>xox[abprs]-[A-Za-z0-9-]{10,})", RegexOptions.CultureInvariant, "a Slack token", "xox"),
        new(@"\b[a-z][a-z0-9+.\-]*://[^\s/:@]+:(?<value>[^\s/@]+)@", Options, "a password in a URL", "://"),
        new(@"\bBearer\s+(?<value>[^\s""'()\[\]]+)", Options, "a bearer token", "bearer"),
        new(@"--(?:password|passwd|pwd|token|secret|api-?key|access-key|secret-key|client-secret|auth-token)\s+" + Value, Options, "a password or token", "--"),
        // Bare "pwd" is left out: $PWD is the shell's working directory (MYSQL_PWD still counts).
        new(@"(?:password|passwd|_pwd|token|secret|api[_\-]?key|access[_\-]?key|client[_\-]?secret)(?:\s*=\s*|:)" + Value, Options, "a password or token",
            "passw", "_pwd", "token", "secret", "key"),
        new(@"(?<=^|\s)-p(?<value>'[^']*'|""[^""]*"")", RegexOptions.CultureInvariant, "a password", "-p"),
    ];

    // mysql -psecret (unquoted) only counts on a MySQL command line: elsewhere -p... is often flags.
    private static readonly CredentialPattern MySqlLine = new(@"\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b", Options, "", "mysql", "mariadb");
    private static readonly CredentialPattern MySqlUnquoted = new(@"(?<=^|\s)-p(?<value>[^\s'""]+)", RegexOptions.CultureInvariant, "a password", "-p");

    /// <summary>The first credential-looking piece of <paramref name="text"/>, if any.</summary>
    public static CredentialMatch? Find(string text) => Find(text, usePrefilter: true);

    /// <summary>
    /// <see cref="Find(string)"/>; without the prefilter every pattern runs (tests check that the
    /// prefilter never changes the answer).
    /// </summary>
    internal static CredentialMatch? Find(string text, bool usePrefilter)
    {
        var ascii = usePrefilter && IsAscii(text);
        try
        {
            foreach (var pattern in Patterns)
            {
                if ((!ascii || pattern.MayMatch(text)) && First(pattern.Regex, text, pattern.Kind) is { } match)
                    return match;
            }
            if ((!ascii || (MySqlUnquoted.MayMatch(text) && MySqlLine.MayMatch(text)))
                && MySqlLine.Regex.IsMatch(text) && First(MySqlUnquoted.Regex, text, MySqlUnquoted.Kind) is { } mysql)
                return mysql;
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological string: better no finding than a stuck build.
        }
        return null;
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > '\x7f')
                return false;
        }
        return true;
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

/// <summary>A credential pattern and the substrings (any one) an ASCII string needs for it to match.</summary>
internal sealed class CredentialPattern
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);
    private readonly string[] _hints;
    private readonly StringComparison _comparison;

    public CredentialPattern(string pattern, RegexOptions options, string kind, params string[] hints)
    {
        Regex = new Regex(pattern, options, Timeout);
        Kind = kind;
        _hints = hints;
        _comparison = (options & RegexOptions.IgnoreCase) != 0 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    public Regex Regex { get; }
    public string Kind { get; }

    /// <summary>False when the (ASCII) text cannot match: none of the hints occurs in it.</summary>
    public bool MayMatch(string text)
    {
        foreach (var hint in _hints)
        {
            if (text.IndexOf(hint, _comparison) >= 0)
                return true;
        }
        return false;
    }
}
