using ChecklistDsl.Generators.Analysis.Rules;

namespace ChecklistDsl.Analyzers.Tests.Rules;

/// <summary>
/// CHK009 skips a credential pattern when an ASCII string lacks the substrings the pattern needs.
/// That shortcut must never change an answer: every string here is judged with and without it.
/// </summary>
[TestClass]
public sealed class CredentialDetectorPrefilterTests
{
    // One positive sample per pattern (and per alternative inside a pattern), as authors write them.
    private static readonly string[] Positives =
    [
        "echo -----BEGIN RSA PRIVATE KEY----- > id_rsa",
        "echo -----begin openssh private key----- > id",
        "aws s3 ls --key AKIAIOSFODNN7EXAMPLE",
        "git clone https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/x/y",
        "export GH=gho_abcdefghijklmnopqrstuvwxyz",
        "export GH=github_pat_abcdefghij_klmnopqrstuvwxyz",
        "notify xoxb-1234567890-abcdef",
        "git clone https://deploy:s3cret@example.com/repo.git",
        "psql POSTGRES://admin:pa55@db/main",
        "curl -H 'Authorization: Bearer abcdef123456' https://api",
        "curl -H 'authorization: BEARER abcdef123456' https://api",
        "pg_dump --password hunter2 igny8",
        "deploy --token ab12cd34ef",
        "deploy --API-KEY ab12cd34ef",
        "deploy --apikey 'ab12 cd34'",
        "deploy --client-secret \"s3cret\"",
        "deploy --auth-token s3cret",
        "pg_dump --password=hunter2 igny8",
        "wp config set DB_PASSWORD=hunter2",
        "MYSQL_PWD=hunter2 mysql wordpress",
        "set passwd:hunter2",
        "TOKEN = abc123",
        "client_secret=abc123",
        "Api-Key:abc123",
        "ACCESS_KEY=abc123",
        "mysql -u root -p'hunter2' wordpress",
        "mysql -u root -p\"hunter2\" wordpress",
        "mysqldump -u root -phunter2 wordpress",
        "MariaDB -u root -phunter2",
        "mariadb-dump -u root -phunter2",
    ];

    // Stand-ins and near misses: the patterns' hints occur, the patterns match, but nothing is reported.
    private static readonly string[] Negatives =
    [
        "mysql -u root -p'{DbPassword}' wordpress",
        "mysql -u root -p$MYSQL_PWD wordpress",
        "pg_dump --password={DbPassword} igny8",
        "curl -H 'Authorization: Bearer ***' https://api",
        "mkdir -p /tmp/backup && cp -pr a b && ssh -p 22 host",
        "docker run -v $PWD:/app -e TOKEN=$TOKEN image && cd $(pwd)",
        "git clone https://{User}:{DbPassword}@example.com/r",
        "pg_dump --host={DatabaseHost} --file=backup-1.sql",
        "deploy-tool login --with {DeployToken}",
        "Health endpoint returns 200",
    ];

    [TestMethod]
    public void The_corpus_is_meaningful_every_positive_is_found_without_the_prefilter()
    {
        foreach (var text in Positives)
            Assert.IsNotNull(CredentialDetector.Find(text, usePrefilter: false), text);
        foreach (var text in Negatives)
            Assert.IsNull(CredentialDetector.Find(text, usePrefilter: false), text);
    }

    [TestMethod]
    public void The_prefilter_gives_the_same_answer_on_every_sample_and_its_case_variants()
    {
        foreach (var sample in Positives.Concat(Negatives))
        {
            foreach (var text in Variants(sample))
                AssertSame(text);
        }
    }

    [TestMethod]
    public void The_prefilter_gives_the_same_answer_on_generated_strings()
    {
        // Fragments that feed every pattern, including non-ASCII case partners Regex's IgnoreCase
        // accepts (Kelvin sign for k, long s for s, dotted/dotless i), which an ordinal scan would miss.
        string[] fragments =
        [
            "password", "PASSWD", "_pwd", "pwd", "to\u212Aen", "\u017Fecret", "secret", "api_key", "Access-Key", "client_secret",
            "=", ":", " = ", " ", "--", "-p", "'hunter2'", "\"x y\"", "hunter2", "{Pw}", "$PW", "***", "<token>",
            "https://", "u:", "@", "host", "Bearer ", "bear\u0131r ", "B\u0130ARER ", "AKIA", "IOSFODNN7EXAMPLE", "ghp_",
            "github_pat_", "abcdefghijklmnopqrstuvwxyz", "xoxb-", "0123456789", "-----BEGIN ", "RSA PRIVATE KEY-----",
            "mysql ", "MARIADB ", "\u00e9", "&", ";", ",",
        ];
        var random = new Random(20261121);
        var found = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var parts = random.Next(1, 7);
            var text = string.Concat(Enumerable.Range(0, parts).Select(_ => fragments[random.Next(fragments.Length)]));
            if (AssertSame(text) is not null)
                found++;
        }
        // The generated strings must exercise the detector, not only its empty answers.
        Assert.IsGreaterThan(1_000, found);
    }

    private static IEnumerable<string> Variants(string text) =>
        [text, text.ToUpperInvariant(), text.ToLowerInvariant(), text.Replace('k', '\u212A'), text.Replace('s', '\u017F') + " \u00e9"];

    private static CredentialMatch? AssertSame(string text)
    {
        var full = CredentialDetector.Find(text, usePrefilter: false);
        var filtered = CredentialDetector.Find(text, usePrefilter: true);
        Assert.AreEqual(full.HasValue, filtered.HasValue, text);
        if (full is { } f && filtered is { } p)
        {
            Assert.AreEqual(f.Start, p.Start, text);
            Assert.AreEqual(f.Length, p.Length, text);
            Assert.AreEqual(f.Kind, p.Kind, text);
        }
        return full;
    }
}
