using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChecklistDsl.Generators.Generation.Model;

namespace ChecklistDsl.Generators.Generation.Planning;

/// <summary>
/// Hashes of the plan: one for the whole checklist and one per step, over everything that changes what
/// an operator does (titles, order, checks, commands, resources, gates, rollbacks). A journal is only
/// resumed under the fingerprint it was written with.
/// </summary>
internal static class PlanFingerprint
{
    /// <summary>The checklist's fingerprint, and each step's (by index), each hashed once.</summary>
    public static (string Checklist, string[] Steps) Of(ChecklistSpec spec)
    {
        var steps = new string[spec.Steps.Count];
        var text = new StringBuilder();
        Field(text, "title", spec.Title);
        Field(text, "environment", spec.Environment);
        foreach (var input in spec.Inputs)
            Field(text, input.IsSecret ? "secret" : "input", input.Name);
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = OfStep(spec, spec.Steps[i]);
            Field(text, "step", steps[i]);
        }
        return (Hash(text), steps);
    }

    private static string OfStep(ChecklistSpec spec, StepSpec step)
    {
        var text = new StringBuilder();
        Field(text, "name", step.MethodName);
        Field(text, "title", step.Title);
        Field(text, "section", step.Section);
        Field(text, "instructions", step.Instructions);
        Field(text, "optional", step.Optional ? "yes" : "no");
        Field(text, "timeout", step.TimeoutTicks?.ToString(CultureInfo.InvariantCulture));
        foreach (var check in step.Checks)
            Field(text, "check", check);
        foreach (var command in step.Commands)
            Field(text, "command", command);
        Field(text, "approval", step.ApprovalRole);
        if (step.Backup is { } backup)
            Field(text, "backup", string.Join("\u001f", backup.Resources) + (backup.Verified ? "|verified" : "") + (backup.OffSite ? "|offsite" : ""));
        Field(text, "modifies", string.Join("\u001f", step.Modifies));
        Field(text, "destroys", string.Join("\u001f", step.Destroys));
        Field(text, "verifies", string.Join("\u001f", step.Verifies));
        Field(text, "automation", step.Automation.Kind.ToString());
        foreach (var rollback in spec.Rollbacks)
        {
            if (rollback.MethodName != step.RollbackWith)
                continue;
            Field(text, "rollback", rollback.MethodName);
            Field(text, "rollback title", rollback.Title);
            Field(text, "rollback instructions", rollback.Instructions);
            foreach (var command in rollback.Commands)
                Field(text, "rollback command", command);
        }
        return Hash(text);
    }

    // Length-prefixed fields: no two different plans serialize to the same text.
    private static void Field(StringBuilder text, string name, string? value) =>
        text.Append(name).Append(':').Append(value?.Length ?? -1).Append(':').Append(value).Append('\n');

    private static string Hash(StringBuilder text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        var hex = new StringBuilder("sha256:", 7 + 32);
        for (var i = 0; i < 16; i++)
            hex.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        return hex.ToString();
    }
}
