using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ChecklistDsl.Generators.Common;
using ChecklistDsl.Generators.Dsl.Model;
using ChecklistDsl.Generators.Dsl;
using ChecklistDsl.Generators.Generation.Machine;

namespace ChecklistDsl.Generators.Generation.Emitters;

/// <summary>
/// Writes the plan as the JSON that the runtime's <c>ChecklistDsl.DefinitionData</c> reads into a
/// <c>ChecklistDefinition</c>. Defaults are left out: false flags, empty lists, absent texts.
/// </summary>
/// <remarks>Keep in step with <c>src/ChecklistDsl/Loading/DefinitionData.cs</c> (the format number is src/Shared/PlanDataFormat.cs).</remarks>
internal static class DefinitionDataEmitter
{
    /// <summary>The data format written; the runtime refuses any other.</summary>
    public const int Format = Shared.PlanDataFormat.Number;

    /// <summary>Writes the plan's JSON into <paramref name="text"/>, which the caller writes into a literal.</summary>
    public static StringBuilder Json(StringBuilder text, ChecklistSpec spec, MachineLayout plan, string fingerprint, string[] stepFingerprints)
    {
        var json = new JsonObjectWriter(text);
        json.Number("format", Format);
        json.String("name", spec.ClassName);
        json.String("fullName", spec.FullName);
        json.String("title", spec.Title);
        json.String("summary", spec.Summary);
        json.String("owner", spec.Owner);
        json.String("environment", spec.Environment);
        json.Flag("isProduction", spec.IsProduction);
        json.String("fingerprint", fingerprint);
        json.String("runbookFileName", Naming.RunbookFileName(spec.ClassName));
        json.Flag("canCreateInstance", spec.CanCreateInstance);

        json.Array("inputs", spec.Inputs.Count);
        foreach (var input in spec.Inputs)
        {
            var item = json.Item();
            item.String("name", input.Name);
            item.String("description", input.Description);
            item.Flag("isSecret", input.IsSecret);
            item.Flag("isBool", input.IsBool);
            item.String("environmentVariable", input.EnvironmentVariable);
            item.Flag("settable", input.IsSettable);
            item.End();
        }
        json.EndArray(spec.Inputs.Count);

        json.Array("steps", spec.Steps.Count);
        for (var i = 0; i < spec.Steps.Count; i++)
            Step(json.Item(), spec, spec.Steps[i], plan.RollbackStates[i], stepFingerprints[i]);
        json.EndArray(spec.Steps.Count);

        json.Array("rollbacks", spec.Rollbacks.Count);
        foreach (var rollback in spec.Rollbacks)
        {
            var item = json.Item();
            item.String("name", rollback.MethodName);
            item.String("title", rollback.Title);
            item.String("instructions", rollback.Instructions);
            item.Strings("commands", rollback.Commands);
            Retries(item, rollback.Retries);
            Condition(item, rollback.Condition);
            item.Flag("automated", IsAutomated(spec, rollback.Automation));
            item.End();
        }
        json.EndArray(spec.Rollbacks.Count);
        json.End();
        return text;
    }

    /// <summary>
    /// Whether the runner can call the method: an automated static one, or an instance one of a class
    /// it can create.
    /// </summary>
    public static bool IsAutomated(ChecklistSpec spec, AutomationSpec automation) =>
        automation.Kind != AutomationKind.None && (automation.IsStatic || spec.CanCreateInstance);

    private static void Step(JsonObjectWriter json, ChecklistSpec spec, StepSpec step, string? rollbackState, string fingerprint)
    {
        json.String("name", step.MethodName);
        json.String("title", step.Title);
        json.String("fingerprint", fingerprint);
        // Only where a section starts: the steps after it are in it until the next one.
        if (step.StartsSection)
            json.String("section", step.Section);
        json.String("purpose", step.Purpose);
        json.String("instructions", step.Instructions);
        json.Flag("optional", step.Optional);
        if (step.TimeoutTicks is { } ticks)
            json.Number("timeoutTicks", ticks);
        json.Strings("checks", step.Checks);
        json.Strings("commands", step.Commands);
        Retries(json, step.Retries);
        Condition(json, step.Condition);
        if (step.Wait is { } wait)
        {
            var poll = json.Object("waitUntil");
            poll.String("command", wait.Command);
            poll.Number("everyTicks", wait.EveryTicks);
            poll.Number("timeoutTicks", wait.TimeoutTicks);
            poll.End();
        }
        json.String("approvalRole", step.ApprovalRole);
        if (step.ApprovalsRequired != 1)
            json.Number("approvalsRequired", step.ApprovalsRequired);
        json.Flag("selfApproval", step.IsApproval && step.AllowsSelfApproval);
        if (step.Backup is { } backup)
        {
            var item = json.Object("backup");
            item.Strings("resources", backup.Resources, always: true);
            item.Flag("verified", backup.Verified);
            item.Flag("offSite", backup.OffSite);
            item.End();
        }
        json.Strings("modifies", step.Modifies);
        json.Strings("destroys", step.Destroys);
        json.Strings("verifies", step.Verifies);
        if (step.RollbackWith is not null)
        {
            json.String("rollbackName", step.RollbackWith);
            // Only when it differs: the rollback state is named after the procedure unless several steps share it.
            if (rollbackState != step.RollbackWith)
                json.String("rollbackState", rollbackState);
        }
        json.String("noRollbackReason", step.NoRollbackReason);
        json.Array("acceptedRisks", step.AcceptedRisks.Count);
        foreach (var risk in step.AcceptedRisks)
        {
            var item = json.Item();
            item.String("ruleId", risk.RuleId);
            item.String("because", risk.Because);
            item.End();
        }
        json.EndArray(step.AcceptedRisks.Count);
        json.Flag("automated", IsAutomated(spec, step.Automation));
        json.End();
    }

    private static void Condition(JsonObjectWriter json, ConditionSpec? condition)
    {
        if (condition is null)
            return;
        var when = json.Object("when");
        when.String("input", condition.Input);
        when.String("value", condition.Value);
        when.End();
    }

    /// <summary>The retried commands only: <c>{"command": index, "retries": n, "delayTicks": t}</c>.</summary>
    private static void Retries(JsonObjectWriter json, EquatableArray<RetrySpec> retries)
    {
        json.Array("retries", retries.Count);
        foreach (var retry in retries)
        {
            var item = json.Item();
            item.Number("command", retry.Command);
            item.Number("retries", retry.Retries);
            item.Number("delayTicks", retry.DelayTicks);
            item.End();
        }
        json.EndArray(retries.Count);
    }

    /// <summary>
    /// A JSON object written member by member into a shared builder, indented by a tab a level, one
    /// member a line (lists of strings on one); nested objects share the builder.
    /// </summary>
    private readonly struct JsonObjectWriter
    {
        private readonly StringBuilder _text;
        private readonly int _start;
        private readonly int _depth;

        public JsonObjectWriter(StringBuilder text, int depth = 0)
        {
            _text = text;
            _depth = depth;
            _text.Append('{');
            _start = _text.Length;
        }

        public void String(string name, string? value)
        {
            if (value is null)
                return;
            Name(name);
            Quoted(value);
        }

        public void Flag(string name, bool value)
        {
            if (value)
                Name(name).Append("true");
        }

        public void Number(string name, long value) => Name(name).Append(value.ToString(CultureInfo.InvariantCulture));

        public void Strings(string name, IReadOnlyList<string> values, bool always = false)
        {
            if (values.Count == 0 && !always)
                return;
            Name(name).Append('[');
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0)
                    _text.Append(", ");
                Quoted(values[i]);
            }
            _text.Append(']');
        }

        /// <summary>Opens an array of objects (nothing is written for none); each <see cref="Item"/> is one.</summary>
        public void Array(string name, int count)
        {
            if (count > 0)
                Name(name).Append('[');
        }

        public JsonObjectWriter Item()
        {
            if (_text[_text.Length - 1] == '}')
                _text.Append(',');
            NewLine(_depth + 2);
            return new JsonObjectWriter(_text, _depth + 2);
        }

        public void EndArray(int count)
        {
            if (count == 0)
                return;
            NewLine(_depth + 1);
            _text.Append(']');
        }

        public JsonObjectWriter Object(string name)
        {
            Name(name);
            return new JsonObjectWriter(_text, _depth + 1);
        }

        public void End()
        {
            if (_text.Length > _start)
                NewLine(_depth);
            _text.Append('}');
        }

        // A tab a level: as readable as spaces, and half the bytes of two (the plan is stored in the assembly).
        private void NewLine(int depth) => _text.Append('\n').Append('\t', depth);

        private StringBuilder Name(string name)
        {
            if (_text.Length > _start)
                _text.Append(',');
            NewLine(_depth + 1);
            Quoted(name);
            return _text.Append(": ");
        }

        // Escaped: what JSON requires, and what would break the raw literal the JSON is written in
        // (other line breaks, DEL) or cannot be UTF-8 (an unpaired surrogate, which the runtime's
        // reader carries exactly). Everything else is written as it is.
        private void Quoted(string value)
        {
            _text.Append('"');
            var run = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c >= ' ' && c != '"' && c != '\\' && c < '\u007F')
                    continue;
                if (c > '\u007F' && c is not ('\u0085' or '\u2028' or '\u2029') && !char.IsSurrogate(c))
                    continue;
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }
                _text.Append(value, run, i - run);
                run = i + 1;
                switch (c)
                {
                    case '"': _text.Append("\\\""); break;
                    case '\\': _text.Append("\\\\"); break;
                    case '\n': _text.Append("\\n"); break;
                    case '\r': _text.Append("\\r"); break;
                    case '\t': _text.Append("\\t"); break;
                    default: _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                }
            }
            _text.Append(value, run, value.Length - run).Append('"');
        }
    }
}
