using ChecklistDsl.Cli.Running;

namespace ChecklistDsl.Cli.Tests.Running;

[TestClass]
public sealed class SecretRedactorTests
{
    private static readonly SecretRedactor Redactor = new(["hunter2-long-secret", "hunter2"]);

    [TestMethod]
    public void Every_occurrence_of_a_secret_is_masked_the_longest_first()
    {
        Assert.AreEqual("a *** b *** c ***", Redactor.Redact("a hunter2-long-secret b hunter2 c hunter2-long-secret"));
    }

    [TestMethod]
    [DataRow("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "Authorization: Bearer ***")]
    [DataRow("curl -H 'Authorization: token ghp_abcdefghijkl'", "curl -H 'Authorization: token ***'")]
    [DataRow("password=Sup3rS3cret! next", "password=*** next")]
    [DataRow("--db-password=abc123 --user=me", "--db-password=*** --user=me")]
    [DataRow("{\"api_key\": \"k-123456\"}", "{\"api_key\": \"***\"}")]
    [DataRow("postgres://app:pa55word@db.local:5432/app", "postgres://app:***@db.local:5432/app")]
    [DataRow("key AKIAIOSFODNN7EXAMPLE used", "key *** used")]
    public void Credential_shapes_are_masked(string text, string expected)
    {
        Assert.AreEqual(expected, new SecretRedactor([]).Redact(text));
    }

    [TestMethod]
    [DataRow("copied 42 files to https://staging.example.org/path")]
    [DataRow("the password policy was checked")]
    [DataRow("tokens: 3")]
    public void Ordinary_text_is_left_alone(string text)
    {
        Assert.AreEqual(text, new SecretRedactor([]).Redact(text));
    }

    [TestMethod]
    public void Empty_secrets_are_ignored()
    {
        Assert.AreEqual("nothing to hide", new SecretRedactor(["", ""]).Redact("nothing to hide"));
    }
}
