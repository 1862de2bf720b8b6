using System.Globalization;
using System.Text;

namespace ChecklistDsl.Workload;

/// <summary>
/// The C# sources of a synthetic checklists project: N checklists of M steps each, in a realistic
/// mix of the DSL, safe under every CHK rule. The sources never call generated members, so the
/// project also compiles with the generator switched off (the measured build's baseline).
/// </summary>
/// <remarks>
/// Each checklist: a first step (an approval gate in production checklists, half of them; an
/// announcement otherwise), then stages of six steps (a verified, off-site backup; an optional
/// review with checks; a configuration change with its rollback; a destructive purge of the
/// backed-up database with a restore rollback; an automated or manual cache warm-up; a change
/// with a reasoned NoRollback), cut to fit, and a final verification step. Commands name inputs
/// through {placeholders}; every third checklist has a secret.
/// </remarks>
public static class SyntheticChecklists
{
    public const int DefaultChecklists = 1000;
    public const int DefaultSteps = 20;

    /// <summary>A file no checklist depends on: the target of the "unrelated edit".</summary>
    public const string UnrelatedPath = "Support/RetryPolicy.cs";

    /// <summary>The fewest steps a synthetic checklist has: a first step, a backup, a final verification.</summary>
    public const int MinimumSteps = 3;

    /// <summary>Every source of the project: the checklists, then the unrelated file.</summary>
    public static (string Path, string Text)[] Generate(int checklists = DefaultChecklists, int steps = DefaultSteps)
    {
        if (checklists < 1)
            throw new ArgumentOutOfRangeException(nameof(checklists), checklists, "At least one checklist.");
        var sources = new (string Path, string Text)[checklists + 1];
        for (var i = 0; i < checklists; i++)
            sources[i] = (PathOf(i), Checklist(i, steps));
        sources[checklists] = (UnrelatedPath, Unrelated());
        return sources;
    }

    /// <summary>Where checklist <paramref name="index"/> lives, relative to the project folder.</summary>
    public static string PathOf(int index) => $"Checklists/Group{index / 100:D2}/{ClassName(index)}.cs";

    public static string ClassName(int index) => "Operation" + index.ToString("D4", CultureInfo.InvariantCulture);

    public static string Namespace(int index) => "Synthetic.Operations.Group" + (index / 100).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Production checklists: every other one.</summary>
    public static bool IsProduction(int index) => index % 2 == 0;

    /// <summary>The steps each checklist of that size has, for "lines per step".</summary>
    public static int StepCount(int checklists, int steps) => checklists * steps;

    /// <summary>
    /// Checklist <paramref name="index"/>'s source. A <paramref name="revision"/> above 0 changes the
    /// text of the last step's check: the "one-checklist edit" of the incremental benchmarks and tests.
    /// </summary>
    public static string Checklist(int index, int steps, int revision = 0)
    {
        if (steps < MinimumSteps)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"At least {MinimumSteps} steps.");
        var production = IsProduction(index);
        var secret = index % 3 == 0;
        var text = new StringBuilder(4096);
        var rollbacks = new StringBuilder();
        var subject = Subjects[index % Subjects.Length];

        text.Append("using System.Threading.Tasks;\nusing ChecklistDsl;\n\n")
            .Append("namespace ").Append(Namespace(index)).Append(";\n\n")
            .Append("[Checklist(\"").Append(subject).Append(' ').Append(index.ToString("D4", CultureInfo.InvariantCulture)).Append('"')
            .Append(", Environment = \"").Append(production ? "production" : "staging").Append('"')
            .Append(", Owner = \"").Append(Owners[index % Owners.Length]).Append('"')
            .Append(",\n    Summary = \"").Append(subject).Append(" in stages, each backed up before it changes anything.\")]\n")
            .Append("public partial class ").Append(ClassName(index)).Append("\n{\n")
            .Append("    [Input(\"Site URL\")] public string SiteUrl { get; init; } = \"https://example.test\";\n")
            .Append("    [Input(\"Release to deploy\")] public string Release { get; init; } = \"\";\n")
            .Append("    [Input(\"Database host\")] public string DatabaseHost { get; init; } = \"localhost\";\n");
        if (secret)
            text.Append("    [Secret(\"Deployment credential\")] public string DeployToken { get; init; } = \"\";\n");
        text.Append('\n');

        if (production)
        {
            text.Append("    [Step(\"Confirm change approval\", Purpose = \"no production change without a recorded approval\"), Section(\"Preparation\")]\n")
                .Append("    [Approval(\"Change manager\")]\n")
                .Append("    [Check(\"Change ticket approved\")]\n")
                .Append("    void ConfirmChangeApproval() { }\n\n");
        }
        else
        {
            text.Append("    [Step(\"Announce maintenance\"), Section(\"Preparation\")]\n")
                .Append("    [Check(\"Team notified in the operations channel\")]\n")
                .Append("    void AnnounceMaintenance() { }\n\n");
        }

        for (var k = 1; k < steps - 1; k++)
        {
            var stage = (k - 1) / 6 + 1;
            switch ((k - 1) % 6)
            {
                case 0:
                    text.Append("    [Step(\"Back up database and uploads (stage ").Append(stage).Append(")\"), Section(\"Stage ").Append(stage).Append("\")]\n")
                        .Append("    [Backup(\"database-").Append(stage).Append("\", \"uploads-").Append(stage).Append("\", Verified = true")
                        .Append(production ? ", OffSite = true" : "").Append(")]\n")
                        .Append("    [Command(\"pg_dump --host={DatabaseHost} --file=backup-").Append(stage).Append(".sql\")]\n")
                        .Append("    [Command(\"tar -czf uploads-").Append(stage).Append(".tar.gz /srv/uploads\")]\n")
                        .Append("    void BackUpStage").Append(stage).Append("() { }\n\n");
                    break;
                case 1:
                    text.Append("    [Step(\"Review release notes (stage ").Append(stage).Append(")\", Optional = true)]\n")
                        .Append("    [Check(\"Known issues read\")]\n")
                        .Append("    [Check(\"Dependencies confirmed\")]\n")
                        .Append("    void ReviewReleaseNotes").Append(stage).Append("() { }\n\n");
                    break;
                case 2:
                    text.Append("    [Step(\"Apply configuration (stage ").Append(stage).Append(")\"), Modifies(\"config-").Append(stage)
                        .Append("\"), RollbackWith(nameof(RestoreConfiguration").Append(stage).Append("))]\n");
                    if (secret)
                        text.Append("    [Command(\"deploy-tool login --with {DeployToken}\")]\n");
                    text.Append("    [Command(\"deploy-tool apply --release={Release} --url={SiteUrl}\")]\n")
                        .Append("    void ApplyConfiguration").Append(stage).Append("() { }\n\n");
                    rollbacks.Append("    [Rollback(\"Restore configuration (stage ").Append(stage).Append(")\")]\n")
                        .Append("    [Command(\"deploy-tool rollback --release={Release} --url={SiteUrl}\")]\n")
                        .Append("    void RestoreConfiguration").Append(stage).Append("() { }\n\n");
                    break;
                case 3:
                    text.Append("    [Step(\"Purge stale sessions (stage ").Append(stage).Append(")\"), Destroys(\"database-").Append(stage)
                        .Append("\"), RollbackWith(nameof(RestoreDatabase").Append(stage).Append("))]\n")
                        .Append("    [Command(\"psql --host={DatabaseHost} --command='DELETE FROM sessions WHERE stale'\")]\n")
                        .Append("    void PurgeStaleSessions").Append(stage).Append("() { }\n\n");
                    rollbacks.Append("    [Rollback(\"Restore the database (stage ").Append(stage).Append(")\")]\n")
                        .Append("    [Command(\"pg_restore --host={DatabaseHost} backup-").Append(stage).Append(".sql\")]\n")
                        .Append("    void RestoreDatabase").Append(stage).Append("() { }\n\n");
                    break;
                case 4:
                    text.Append("    [Step(\"Warm caches (stage ").Append(stage).Append(")\")]\n")
                        .Append("    [Check(\"Cache hit ratio above 90%\")]\n");
                    if (stage % 2 == 1)
                    {
                        // An automated step: the runner calls it.
                        text.Append("    Task WarmCaches").Append(stage).Append("(StepContext context)\n    {\n")
                            .Append("        context.Log(\"warming \" + context.GetInput(\"SiteUrl\"));\n")
                            .Append("        return Task.CompletedTask;\n    }\n\n");
                    }
                    else
                    {
                        text.Append("    [Command(\"curl -fsS {SiteUrl}/warm\")]\n")
                            .Append("    void WarmCaches").Append(stage).Append("() { }\n\n");
                    }
                    break;
                default:
                    text.Append("    [Step(\"Rebuild search index (stage ").Append(stage).Append(")\"), Modifies(\"search-index-").Append(stage)
                        .Append("\"), NoRollback(\"the index is rebuilt from the database\")]\n")
                        .Append("    [Command(\"indexer rebuild --release={Release}\")]\n")
                        .Append("    void RebuildSearchIndex").Append(stage).Append("() { }\n\n");
                    break;
            }
        }

        text.Append("    [Step(\"Verify service health\", Timeout = \"00:30:00\"), Section(\"Verification\"), Verifies(\"site\", \"database\")]\n")
            .Append("    [Check(\"Health endpoint returns 200").Append(revision > 0 ? $" (revision {revision})" : "").Append("\")]\n")
            .Append("    [Command(\"curl -fsS {SiteUrl}/health\")]\n")
            .Append("    void VerifyServiceHealth() { }\n");
        if (rollbacks.Length > 0)
            text.Append('\n').Append(rollbacks.ToString().TrimEnd('\n')).Append('\n');
        return text.Append("}\n").ToString();
    }

    /// <summary>The unrelated file; a <paramref name="revision"/> changes a constant in it.</summary>
    public static string Unrelated(int revision = 0) =>
        "namespace Synthetic.Support;\n\n" +
        "/// <summary>Nothing to do with any checklist.</summary>\n" +
        "public static class RetryPolicy\n{\n" +
        $"    public static int Attempts => {3 + revision};\n" +
        "}\n";

    private static readonly string[] Subjects =
    [
        "Deploy the storefront", "Migrate the orders database", "Rotate the API gateway", "Sync production to staging",
        "Upgrade the search cluster", "Reindex the catalog", "Patch the payment service", "Move the media bucket",
    ];

    private static readonly string[] Owners = ["Web team", "Platform team", "Data team", "Payments team"];
}
