using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChecklistDsl.Generators.Common;
using ChecklistDsl.Generators.Dsl.Model;

namespace ChecklistDsl.Generators.Generation;

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
        var hasher = Hasher.OfThisThread();
        var text = hasher.PlanText.Clear();
        Field(text, "title", spec.Title);
        Field(text, "environment", spec.Environment);
        foreach (var input in spec.Inputs)
            Field(text, input.IsSecret ? "secret" : input.IsBool ? "bool input" : "input", input.Name);
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = OfStep(hasher, spec, spec.Steps[i]);
            Field(text, "step", steps[i]);
        }
        return (hasher.Hash(text), steps);
    }

    private static string OfStep(Hasher hasher, ChecklistSpec spec, StepSpec step)
    {
        var text = hasher.StepText.Clear();
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
        // Conditions, retries and waits only when present: plans without them keep their fingerprints.
        Retries(text, "retry", step.Retries);
        if (step.Condition is { } condition)
            Field(text, "when", condition.Input + (condition.Value is null ? "" : "=" + condition.Value));
        if (step.Wait is { } wait)
            Field(text, "wait until", wait.Command + "|" + wait.EveryTicks.ToString(CultureInfo.InvariantCulture) + "|" + wait.TimeoutTicks.ToString(CultureInfo.InvariantCulture));
        Field(text, "approval", step.ApprovalRole);
        // Only when set: the fingerprints of gates without a quorum or an opt-out stay as they were.
        if (step.ApprovalsRequired != 1)
            Field(text, "approvals required", step.ApprovalsRequired.ToString(CultureInfo.InvariantCulture));
        if (step.AllowsSelfApproval)
            Field(text, "self-approval", "allowed");
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
            Retries(text, "rollback retry", rollback.Retries);
            if (rollback.Condition is { } when)
                Field(text, "rollback when", when.Input + (when.Value is null ? "" : "=" + when.Value));
        }
        return hasher.Hash(text);
    }

    private static void Retries(StringBuilder text, string name, EquatableArray<RetrySpec> retries)
    {
        foreach (var retry in retries)
            Field(text, name, retry.Command.ToString(CultureInfo.InvariantCulture) + "|" + retry.Retries.ToString(CultureInfo.InvariantCulture) + "|" + retry.DelayTicks.ToString(CultureInfo.InvariantCulture));
    }

    // Length-prefixed fields: no two different plans serialize to the same text.
    private static void Field(StringBuilder text, string name, string? value) =>
        text.Append(name).Append(':').Append(value?.Length ?? -1).Append(':').Append(value).Append('\n');

    /// <summary>
    /// One SHA-256 and its buffers per thread, for every checklist's twenty-odd hashes: a new hash
    /// object, string and byte array per step were most of what fingerprinting allocated at scale.
    /// Kept for the thread's life (per thread: the IDE may run generators for several projects at once).
    /// </summary>
    private sealed class Hasher
    {
        private const string Hex = "0123456789abcdef";

        [ThreadStatic]
        private static Hasher? t_hasher;

        private readonly SHA256 _sha = SHA256.Create();
        private char[] _chars = new char[1024];
        private byte[] _bytes = new byte[1024];

        public static Hasher OfThisThread() => t_hasher ??= new Hasher();

        public StringBuilder PlanText { get; } = new();

        public StringBuilder StepText { get; } = new();

        /// <summary>"sha256:" and the first 16 bytes of the UTF-8 text's hash, in lowercase hex.</summary>
        public string Hash(StringBuilder text)
        {
            var length = text.Length;
            if (_chars.Length < length)
                _chars = new char[length * 2];
            text.CopyTo(0, _chars, 0, length);
            var most = Encoding.UTF8.GetMaxByteCount(length);
            if (_bytes.Length < most)
                _bytes = new byte[most];
            var count = Encoding.UTF8.GetBytes(_chars, 0, length, _bytes, 0);
            var hash = _sha.ComputeHash(_bytes, 0, count);
            var result = new char[7 + 32];
            "sha256:".CopyTo(0, result, 0, 7);
            for (var i = 0; i < 16; i++)
            {
                result[7 + 2 * i] = Hex[hash[i] >> 4];
                result[8 + 2 * i] = Hex[hash[i] & 0xf];
            }
            return new string(result);
        }
    }
}
