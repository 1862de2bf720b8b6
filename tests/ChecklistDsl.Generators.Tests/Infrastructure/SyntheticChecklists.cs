using System.Globalization;
using System.Text;

namespace ChecklistDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Many checklists of a chosen size for the tests at scale: a first step, then backups, changes and
/// destructive steps (each with its rollback) and manual checks in turn, then a final verification. Its
/// own small writer: the tests do not depend on the benchmarks' workload.
/// </summary>
internal static class SyntheticChecklists
{
    /// <summary>A file no checklist depends on: the target of the "unrelated edit".</summary>
    public const string UnrelatedPath = "Support/RetryPolicy.cs";

    /// <summary>Every source: the checklists, then the unrelated file.</summary>
    public static (string Path, string Text)[] Generate(int checklists, int steps) =>
        [.. Enumerable.Range(0, checklists).Select(i => (PathOf(i), Checklist(i, steps))), (UnrelatedPath, Unrelated())];

    public static string PathOf(int index) => $"Checklists/Group{index / 100:D2}/{ClassName(index)}.cs";

    public static string ClassName(int index) => "Operation" + index.ToString("D4", CultureInfo.InvariantCulture);

    public static string Namespace(int index) => "Synthetic.Operations.Group" + (index / 100).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>
    /// Checklist <paramref name="index"/> with <paramref name="steps"/> steps (at least 2); a
    /// <paramref name="revision"/> above 0 changes the text of the last step's check (the one-checklist edit).
    /// </summary>
    public static string Checklist(int index, int steps, int revision = 0)
    {
        var text = new StringBuilder()
            .Append("using ChecklistDsl;\n\nnamespace ").Append(Namespace(index)).Append(";\n\n")
            .Append("[Checklist(\"Operation ").Append(index).Append("\", Environment = \"").Append(index % 2 == 0 ? "production" : "staging")
            .Append("\", Summary = \"A synthetic operation, backed up before it changes anything.\")]\n")
            .Append("public partial class ").Append(ClassName(index)).Append("\n{\n")
            .Append("    [Input(\"Site URL\")] public string SiteUrl { get; init; } = \"https://example.test\";\n\n")
            .Append("    [Step(\"Confirm the change\"), Approval(\"Change manager\"), Check(\"Ticket approved\")] void Confirm() { }\n");
        var rollbacks = new StringBuilder();
        for (var k = 1; k < steps - 1; k++)
        {
            switch (k % 4)
            {
                case 1:
                    text.Append("    [Step(\"Back up stage ").Append(k).Append("\"), Backup(\"data-").Append(k).Append("\", Verified = true, OffSite = true)]\n")
                        .Append("    [Command(\"pg_dump --file=stage-").Append(k).Append(".sql\")] void BackUp").Append(k).Append("() { }\n");
                    break;
                case 2:
                    text.Append("    [Step(\"Apply configuration ").Append(k).Append("\"), Modifies(\"config-").Append(k).Append("\"), RollbackWith(nameof(Restore").Append(k).Append("))]\n")
                        .Append("    [Command(\"deploy-tool apply --url={SiteUrl} --stage=").Append(k).Append("\")] void Apply").Append(k).Append("() { }\n");
                    rollbacks.Append("    [Rollback(\"Restore configuration ").Append(k).Append("\"), Command(\"deploy-tool rollback --stage=").Append(k).Append("\")] void Restore").Append(k).Append("() { }\n");
                    break;
                case 3:
                    text.Append("    [Step(\"Purge stale rows ").Append(k).Append("\"), Destroys(\"data-").Append(k - 2).Append("\"), RollbackWith(nameof(Reload").Append(k).Append("))]\n")
                        .Append("    [Command(\"psql --command='DELETE FROM sessions WHERE stale'\")] void Purge").Append(k).Append("() { }\n");
                    rollbacks.Append("    [Rollback(\"Reload stage ").Append(k - 2).Append("\"), Command(\"pg_restore stage-").Append(k - 2).Append(".sql\")] void Reload").Append(k).Append("() { }\n");
                    break;
                default:
                    text.Append("    [Step(\"Look at the dashboards ").Append(k).Append("\"), Check(\"Error rate below 1%\"), Check(\"Latency as before\")] void Look").Append(k).Append("() { }\n");
                    break;
            }
        }
        return text
            .Append("    [Step(\"Verify service health\"), Verifies(\"site\")]\n")
            .Append("    [Check(\"Health endpoint returns 200").Append(revision > 0 ? $" (revision {revision})" : "").Append("\")] void VerifyHealth() { }\n")
            .Append(rollbacks).Append("}\n").ToString();
    }

    /// <summary>The unrelated file; a <paramref name="revision"/> changes a constant in it.</summary>
    public static string Unrelated(int revision = 0) =>
        $"namespace Synthetic.Support;\n\npublic static class RetryPolicy\n{{\n    public static int Attempts => {3 + revision};\n}}\n";
}
