using ChecklistDsl;

namespace SampleChecklists;

/// <summary>
/// A backup piped into gzip whose dump tool does not exist, before a destructive step: the failed
/// pipeline must fail the backup step, so that the drop never runs.
/// </summary>
[Checklist("Pipeline backup", Summary = "A backup through a pipe, then a drop.")]
public partial class PipelineBackup
{
    [Input("Folder for the markers")] public string WorkDir { get; set; } = "";

    [Step("Back up the database"), Backup("database")]
    [Command("no-such-dump-tool --all-databases | gzip > {WorkDir}/db.sql.gz")]
    void BackUpDatabase() { }

    [Step("Drop the database"), Destroys("database")]
    [Command("echo drop-db >> {WorkDir}/log")]
    void DropDatabase() { }

    [Step("Check the database"), Verifies("database")]
    [Command("echo check >> {WorkDir}/log")]
    void CheckDatabase() { }
}
