using ChecklistDsl.Analyzers.Tests.Infrastructure;

namespace ChecklistDsl.Analyzers.Tests.Rules;

[TestClass]
public sealed class CHK009CredentialInSourceTests
{
    [TestMethod]
    [DataRow("mysql -u root {|CHK009:-p'hunter2'|} wordpress")]
    [DataRow("mysqldump -u root {|CHK009:-phunter2|} wordpress")]
    [DataRow("wp config set DB_{|CHK009:PASSWORD=hunter2|}")]
    [DataRow("pg_dump --{|CHK009:password=hunter2|} igny8")]
    [DataRow("deploy {|CHK009:--token ab12cd34ef|}")]
    [DataRow("MYSQL{|CHK009:_PWD=hunter2|} mysql wordpress")]
    [DataRow("echo {|CHK009:-----BEGIN RSA PRIVATE KEY-----|} > id_rsa")]
    [DataRow("curl -H 'Authorization: {|CHK009:Bearer abcdef123456|}' https://api")]
    [DataRow("aws s3 ls --key {|CHK009:AKIAIOSFODNN7EXAMPLE|}")]
    [DataRow("git clone https://{|CHK009:ghp_abcdefghijklmnopqrstuvwxyz0123456789|}@github.com/x/y")]
    [DataRow("git clone {|CHK009:https://deploy:s3cret@|}example.com/repo.git")]
    public async Task Credential_in_a_command_is_reported_on_the_credential(string line)
    {
        var test = new ChecklistAnalyzerTest
        {
            TestCode = Verify.Usings + $$"""
                [Checklist]
                public partial class Deploy
                {
                    [Step, Command("{{line}}")] void Run() { }
                }
                """,
            DiagnosticVerifier = (diagnostic, _, _) =>
            {
                StringAssert.StartsWith(diagnostic.GetMessage(), "Step 'Run' has what looks like a");
                Assert.DoesNotContain("hunter2", diagnostic.GetMessage(), "The message must not repeat the secret");
            },
        };
        await test.RunAsync();
    }

    [TestMethod]
    public async Task Credential_in_any_ChecklistDsl_attribute_string_is_reported()
    {
        await Verify.AnalyzerAsync("""
            [Checklist(Summary = "Log in with {|CHK009:password=hunter2|}")]
            public partial class Deploy
            {
                [Step(Instructions = "Use {|CHK009:Bearer 0123456789abcdef|}"), Check("Token is {|CHK009:ghp_abcdefghijklmnopqrstuvwxyz0123|}")] void Run() { }
            }
            """);
    }

    [TestMethod]
    [DataRow("mysql -u root -p'{DbPassword}' wordpress")]
    [DataRow("mysql -u root -p$MYSQL_PWD wordpress")]
    [DataRow("pg_dump --password={DbPassword} igny8")]
    [DataRow("wp config set DB_PASSWORD=$DB_PASSWORD")]
    [DataRow("deploy --token {DbPassword}")]
    [DataRow("curl -H 'Authorization: Bearer {DbPassword}' https://api")]
    [DataRow("curl -H 'Authorization: Bearer $TOKEN' https://api")]
    [DataRow("mkdir -p /tmp/backup && cp -pr a b && ssh -p 22 host")]
    [DataRow("docker run -v $PWD:/app -e TOKEN=$TOKEN image && cd $(pwd)")]
    [DataRow("curl -H 'Authorization: Bearer ***' https://api")]
    [DataRow("git clone https://github.com/x/y && git clone https://{User}:{DbPassword}@example.com/r")]
    public async Task References_to_secrets_and_ordinary_commands_are_safe(string line)
    {
        await Verify.AnalyzerAsync($$"""
            [Checklist]
            public partial class Deploy
            {
                [Input] public string User { get; init; } = "";
                [Secret] public string DbPassword { get; init; } = "";
                [Step, Command("{{line}}"), Check("Authorization headers masked (Bearer ***)")] void Run() { }
            }
            """);
    }

    [TestMethod]
    public async Task AssumeSafe_accepts_it_on_that_step()
    {
        await Verify.AnalyzerAsync("""
            [Checklist]
            public partial class Deploy
            {
                [Step, Command("docker run -e POSTGRES_PASSWORD=postgres postgres"), AssumeSafe("CHK009", "A throwaway local container's default password")] void Run() { }
            }
            """);
    }
}
