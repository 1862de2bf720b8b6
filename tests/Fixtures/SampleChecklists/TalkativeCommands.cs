using ChecklistDsl;

namespace SampleChecklists;

/// <summary>
/// Commands that print their secrets and credential-shaped text, to stdout and stderr, for the
/// redaction tests. The credential shapes are put together by printf at run time, so that this source
/// holds none (CHK009). While WorkDir/hold exists the "Hold" step waits (the lock and the journal can be
/// read mid-run); with WorkDir/fail the change fails, printing a secret, and its rollback runs.
/// The last step prints over 4 KB (for the full-disk test).
/// </summary>
[Checklist("Talkative commands", Summary = "Commands that echo secrets and credentials.")]
public partial class TalkativeCommands
{
    [Input("Folder for the markers")] public string WorkDir { get; set; } = "";
    [Secret("Deploy token")] public string DeployToken { get; init; } = "";
    [Secret("Database password")] public string DbPassword { get; init; } = "";
    [Secret("Signing key, several lines")] public string SigningKey { get; init; } = "";

    [Step("Echo the secrets")]
    [Command("echo token is {DeployToken}; echo password is {DbPassword} >&2; echo key: {SigningKey}")]
    [Command("echo {DeployToken}{DeployToken}; printf '%s\\n' {DbPassword} | cat >&2")]
    void EchoSecrets() { }

    [Step("Echo credential shapes")]
    [Command("printf 'Authorization: Bear%s %s\\n' er eyJhbGciOiJIUzI1NiJ9.cGF5bG9hZA.c2lnbmF0dXJl")]
    [Command("printf '%s=%s\\n' password hunter2-shape >&2; printf 'https:/%s/%s:%s@git.example.com/repo.git\\n' '' deploy s3cr3t-in-url")]
    [Command("printf 'AKIA%s\\n' IOSFODNN7EXAMPLE")]
    void EchoShapes() { }

    [Step("Hold")]
    [Command("while test -e {WorkDir}/hold; do sleep 0.1; done")]
    void Hold() { }

    [Step("Change the work folder"), Modifies("work folder"), RollbackWith(nameof(Undo))]
    [Command("echo change >> {WorkDir}/log; if test -e {WorkDir}/fail; then echo failed using {DeployToken} >&2; exit 3; fi")]
    void Change() { }

    // Its long output (over 4 KB) makes a record larger than any page a full disk has left.
    [Step("Verify the work folder"), Verifies("work folder")]
    [Command("cat {WorkDir}/log; seq 1 2500")]
    void Verify() { }

    [Rollback("Undo the change")]
    [Command("echo undo with {DeployToken} and {DbPassword}; echo undo >> {WorkDir}/log")]
    void Undo() { }
}
