using System.Globalization;
using System.Text;
using ChecklistDsl.Fuzz.Tests.Infrastructure;

namespace ChecklistDsl.Fuzz.Tests.Markdown;

internal sealed record InputCase(string Property, string Description, bool Secret);

internal sealed record RiskCase(string RuleId, string Because);

internal sealed class StepCase
{
    public required string Method { get; init; }
    public required string Title { get; init; }
    public string? Section { get; init; }
    public string? Purpose { get; init; }
    public string? Instructions { get; init; }
    public bool Optional { get; init; }
    public List<string> Checks { get; init; } = [];
    public List<string> Commands { get; init; } = [];
    public string? Approval { get; init; }
    public List<string>? Backup { get; init; }
    public bool Verified { get; init; }
    public bool OffSite { get; init; }
    public List<string> Modifies { get; init; } = [];
    public List<string> Destroys { get; init; } = [];
    public List<string> Verifies { get; init; } = [];
    public string? RollbackWith { get; init; }
    public string? NoRollback { get; init; }
    public List<RiskCase> Risks { get; init; } = [];
}

internal sealed class RollbackCase
{
    public required string Method { get; init; }
    public required string Title { get; init; }
    public string? Instructions { get; init; }
    public List<string> Commands { get; init; } = [];
}

/// <summary>
/// One checklist whose every author string is hostile text: the C# source that declares it, and what
/// its runbook must contain, block by block, as plain text. Expectations follow the DSL's documented
/// reading of attributes (titles trimmed, a blank optional text absent) and nothing of the emitter.
/// </summary>
internal sealed class RunbookCase
{
    public required int Seed { get; init; }
    public required string ClassName { get; init; }
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public string? Owner { get; init; }
    public string? Environment { get; init; }
    public List<InputCase> Inputs { get; init; } = [];
    public List<StepCase> Steps { get; init; } = [];
    public List<RollbackCase> Rollbacks { get; init; } = [];

    /// <summary>A random case: one to four steps, up to two rollbacks, every string from <see cref="HostileText"/>.</summary>
    public static RunbookCase Random(int seed)
    {
        var random = new Random(seed);
        string Text() => HostileText.Next(random);
        string NonBlank() => HostileText.NextNonBlank(random);
        string? Maybe() => random.Next(2) == 0 ? Text() : null;
        List<string> Some(int max) => [.. Enumerable.Range(0, random.Next(max + 1)).Select(_ => NonBlank())];

        var rollbacks = Enumerable.Range(1, random.Next(3)).Select(r => new RollbackCase
        {
            Method = "Undo" + r,
            Title = NonBlank(),
            Instructions = Maybe(),
            Commands = Some(2),
        }).ToList();
        var steps = Enumerable.Range(1, random.Next(1, 5)).Select(s =>
        {
            var changes = random.Next(3) == 0;
            return new StepCase
            {
                Method = "Step" + s,
                Title = NonBlank(),
                Section = random.Next(3) == 0 ? NonBlank() : null,
                Purpose = Maybe(),
                Instructions = Maybe(),
                Optional = random.Next(4) == 0,
                Checks = Some(3),
                Commands = Some(2),
                Approval = random.Next(4) == 0 ? NonBlank() : null,
                Backup = random.Next(4) == 0 ? Some(2).Append(NonBlank()).ToList() : null,
                Verified = random.Next(2) == 0,
                OffSite = random.Next(2) == 0,
                Modifies = changes ? [NonBlank()] : [],
                Destroys = changes && random.Next(2) == 0 ? [NonBlank(), NonBlank()] : [],
                Verifies = random.Next(4) == 0 ? [NonBlank()] : [],
                RollbackWith = changes && rollbacks.Count > 0 && random.Next(3) > 0 ? rollbacks[random.Next(rollbacks.Count)].Method : null,
                NoRollback = changes && random.Next(3) == 0 ? Text() : null,
                Risks = random.Next(4) == 0 ? [new RiskCase("CHK00" + random.Next(1, 10), Text())] : [],
            };
        }).ToList();
        return new RunbookCase
        {
            Seed = seed,
            ClassName = "Hostile" + seed.ToString(CultureInfo.InvariantCulture),
            Title = NonBlank(),
            Summary = Maybe(),
            Owner = Maybe(),
            Environment = Maybe(),
            Inputs = [.. Enumerable.Range(1, random.Next(3)).Select(i => new InputCase((random.Next(2) == 0 ? "ApiToken" : "SiteUrl") + i, NonBlank(), random.Next(3) == 0))],
            Steps = steps,
            Rollbacks = rollbacks,
        };
    }

    /// <summary>The same text in every field: each string the issue lists gets a case of its own.</summary>
    public static RunbookCase Everywhere(int seed, string text)
    {
        var nonBlank = HostileText.NonBlank(text);
        return new RunbookCase
        {
            Seed = seed,
            ClassName = "Listed" + seed.ToString(CultureInfo.InvariantCulture),
            Title = nonBlank, Summary = text, Owner = text, Environment = text,
            Inputs = [new InputCase("SiteUrl", nonBlank, false), new InputCase("ApiToken", nonBlank, true)],
            Steps =
            [
                new StepCase
                {
                    Method = "Approve", Title = nonBlank, Section = nonBlank, Purpose = text, Instructions = text + "\n" + text,
                    Checks = [nonBlank, nonBlank], Commands = [nonBlank, nonBlank + "\n" + nonBlank], Approval = nonBlank,
                    Backup = [nonBlank], Verified = true, Risks = [new RiskCase("CHK005", text)],
                },
                new StepCase { Method = "Change", Title = nonBlank, Modifies = [nonBlank], Destroys = [nonBlank], RollbackWith = "Undo", Checks = [nonBlank] },
                new StepCase { Method = "Erase", Title = nonBlank, Section = nonBlank, Destroys = [nonBlank], NoRollback = text, Optional = true },
                new StepCase { Method = "Verify", Title = nonBlank, Verifies = [nonBlank], Commands = [nonBlank] },
            ],
            Rollbacks = [new RollbackCase { Method = "Undo", Title = nonBlank, Instructions = text, Commands = [nonBlank] }],
        };
    }

    // ---- the source ----

    public string Source()
    {
        var s = new StringBuilder();
        s.Append("[Checklist(").Append(L(Title));
        if (Summary is not null) s.Append(", Summary = ").Append(L(Summary));
        if (Owner is not null) s.Append(", Owner = ").Append(L(Owner));
        if (Environment is not null) s.Append(", Environment = ").Append(L(Environment));
        s.Append(")]\npublic partial class ").Append(ClassName).Append("\n{\n");
        foreach (var input in Inputs)
        {
            s.Append("    [").Append(input.Secret ? "Secret(" : "Input(").Append(L(input.Description)).Append(")] public string ")
                .Append(input.Property).Append(" { get; init; } = \"\";\n");
        }
        foreach (var step in Steps)
        {
            s.Append("    [Step(").Append(L(step.Title));
            if (step.Purpose is not null) s.Append(", Purpose = ").Append(L(step.Purpose));
            if (step.Instructions is not null) s.Append(", Instructions = ").Append(L(step.Instructions));
            if (step.Optional) s.Append(", Optional = true");
            s.Append(")]\n");
            if (step.Section is not null) s.Append("    [Section(").Append(L(step.Section)).Append(")]\n");
            foreach (var check in step.Checks) s.Append("    [Check(").Append(L(check)).Append(")]\n");
            foreach (var command in step.Commands) s.Append("    [Command(").Append(L(command)).Append(")]\n");
            if (step.Approval is not null) s.Append("    [Approval(").Append(L(step.Approval)).Append(")]\n");
            if (step.Backup is not null)
                s.Append("    [Backup(").Append(string.Join(", ", step.Backup.Select(L))).Append(", Verified = ").Append(B(step.Verified)).Append(", OffSite = ").Append(B(step.OffSite)).Append(")]\n");
            Resources(s, "Modifies", step.Modifies);
            Resources(s, "Destroys", step.Destroys);
            Resources(s, "Verifies", step.Verifies);
            if (step.RollbackWith is not null) s.Append("    [RollbackWith(nameof(").Append(step.RollbackWith).Append("))]\n");
            if (step.NoRollback is not null) s.Append("    [NoRollback(").Append(L(step.NoRollback)).Append(")]\n");
            foreach (var risk in step.Risks) s.Append("    [AssumeSafe(").Append(L(risk.RuleId)).Append(", ").Append(L(risk.Because)).Append(")]\n");
            s.Append("    void ").Append(step.Method).Append("() { }\n\n");
        }
        foreach (var rollback in Rollbacks)
        {
            s.Append("    [Rollback(").Append(L(rollback.Title));
            if (rollback.Instructions is not null) s.Append(", Instructions = ").Append(L(rollback.Instructions));
            s.Append(")]\n");
            foreach (var command in rollback.Commands) s.Append("    [Command(").Append(L(command)).Append(")]\n");
            s.Append("    void ").Append(rollback.Method).Append("() { }\n\n");
        }
        return s.Append("}\n").ToString();
    }

    private static void Resources(StringBuilder s, string attribute, List<string> resources)
    {
        if (resources.Count > 0)
            s.Append("    [").Append(attribute).Append('(').Append(string.Join(", ", resources.Select(L))).Append(")]\n");
    }

    private static string L(string text) => CSharpLiteral.Of(text);

    private static string B(bool value) => value ? "true" : "false";

    // ---- what the runbook must say ----

    /// <summary>A single-line field as the reader must see it: line breaks as spaces, trimmed.</summary>
    public static string InlineText(string text) => Rendered(text.Replace('\r', ' ').Replace('\n', ' ').Trim());

    /// <summary>A multi-line field (instructions, summary): each line trimmed, blank lines dropped, hard breaks between.</summary>
    public static string BlockText(string text) =>
        Rendered(string.Join("\n", text.Trim().Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)));

    /// <summary>A command as a fenced block holds it: newlines normalized.</summary>
    public static string CommandText(string text) => Rendered(text.Replace("\r\n", "\n").Replace('\r', '\n'));

    // CommonMark replaces NUL with U+FFFD, and the runbook an unpaired surrogate (UTF-8 cannot hold one):
    // that is the reader's view of them.
    private static string Rendered(string text)
    {
        var chars = text.Replace('\0', '\uFFFD').ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsSurrogate(chars[i]))
                chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    private static string? Blankless(string? text) => text is null || text.Trim().Length == 0 ? null : text.Trim();

    public IReadOnlyList<string> ChecksInOrder => [.. Steps.SelectMany(s => s.Checks)];

    public IReadOnlyList<string> CommandsInOrder => [.. Steps.SelectMany(s => s.Commands).Concat(Rollbacks.SelectMany(r => r.Commands))];

    private static List<string> ResourceTexts(IEnumerable<string> resources) => [.. resources.Where(r => r.Trim().Length > 0).Select(InlineText)];

    private static bool IsChange(StepCase step) => ResourceTexts(step.Modifies).Count + ResourceTexts(step.Destroys).Count > 0;

    private string RollbackLabel(string method)
    {
        var index = Rollbacks.FindIndex(r => r.Method == method);
        return $"R{index + 1}. {InlineText(Rollbacks[index].Title)}";
    }

    /// <summary>The runbook's blocks, in order, as <see cref="MarkdownView.Describe"/> writes them.</summary>
    public List<string> ExpectedBlocks(ChecklistDefinition definition)
    {
        var blocks = new List<string> { "H1:" + InlineText(Title) };
        if (Blankless(Summary) is { } summary)
            blocks.Add("P:" + BlockText(summary));
        var facts = new List<string>();
        if (Blankless(Environment) is { } environment)
            facts.Add("[Environment|" + InlineText(environment) + (IsProduction(environment) ? " (production)" : "") + "]");
        if (Blankless(Owner) is { } owner)
            facts.Add("[Owner|" + InlineText(owner) + "]");
        facts.Add($"[Steps|{Steps.Count}]");
        facts.Add($"[Plan fingerprint|{definition.Fingerprint}]");
        blocks.Add("TABLE:[|]" + string.Concat(facts));
        blocks.Add($"QUOTE:P:Generated by ChecklistDsl from {definition.FullName}. Edit the class, not this file.");
        if (Inputs.Count > 0)
        {
            blocks.Add("H2:Inputs");
            blocks.Add("TABLE:[Name|Description|Kind]" + string.Concat(Inputs.Select(i =>
            {
                var variable = definition.Inputs.Single(d => d.Name == i.Property).EnvironmentVariable;
                return $"[{i.Property}|{InlineText(i.Description)}|{(i.Secret ? $"secret, from ${variable}; never written down" : "input")}]";
            })));
        }

        blocks.Add("H2:Steps");
        if (CommandsInOrder.Count > 0)
            blocks.Add("P:Commands run with sh -o pipefail -c (or bash -o pipefail -c), so any failing part of a pipeline fails its step; on Windows they run with cmd /c, where a pipeline takes the exit code of its last command.");
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            if (step.Section is not null)
                blocks.Add("H3:" + InlineText(step.Section));
            blocks.Add($"H4:{i + 1}. {InlineText(step.Title)}");
            var items = new List<string>();
            if (Blankless(step.Purpose) is { } purpose)
                items.Add("P:Purpose: " + InlineText(purpose));
            if (step.Approval is not null)
                items.Add($"P:Approval: {InlineText(step.Approval)} approves or rejects; the approver is recorded by name");
            if (step.Backup is not null)
                items.Add($"P:Backs up: {string.Join(", ", ResourceTexts(step.Backup))} ({(step.Verified ? "restore verified" : "restore not verified")}, {(step.OffSite ? "off-site copy" : "no off-site copy")})");
            if (ResourceTexts(step.Modifies) is { Count: > 0 } modifies)
                items.Add("P:Modifies: " + string.Join(", ", modifies));
            if (ResourceTexts(step.Destroys) is { Count: > 0 } destroys)
                items.Add("P:Destroys: " + string.Join(", ", destroys));
            if (ResourceTexts(step.Verifies) is { Count: > 0 } verifies)
                items.Add("P:Verifies: " + string.Join(", ", verifies) + " (read-only)");
            if (step.RollbackWith is not null)
                items.Add("P:Rollback: " + RollbackLabel(step.RollbackWith));
            else if (step.NoRollback is not null)
                items.Add("P:No rollback: " + (Blankless(step.NoRollback) is { } reason ? InlineText(reason) : "no reason given"));
            if (step.Optional)
                items.Add("P:Optional: may be skipped");
            var checks = step.Checks.Select(c => "P:☐" + InlineText(c)).ToList();
            var instructions = Blankless(step.Instructions) is { } text && BlockText(text).Length > 0 ? BlockText(text) : null;
            // Two lists with the same bullet and only a blank line between them are one list in CommonMark.
            if (instructions is null && items.Count > 0 && checks.Count > 0)
                blocks.Add(List([.. items, .. checks]));
            else
            {
                if (items.Count > 0)
                    blocks.Add(List(items));
                if (instructions is not null)
                    blocks.Add("P:" + instructions);
                if (checks.Count > 0)
                    blocks.Add(List(checks));
            }
            blocks.AddRange(step.Commands.Select(c => "CODE[sh]:" + CommandText(c)));
        }

        var changes = Enumerable.Range(0, Steps.Count).Where(i => IsChange(Steps[i]) || Steps[i].RollbackWith is not null).ToList();
        if (changes.Count > 0 || Rollbacks.Count > 0)
        {
            blocks.Add("H2:Rollback plan");
            if (changes.Count > 0)
            {
                blocks.Add("P:If a step fails, its own rollback runs first (it may have partly happened), then those of the earlier completed changes, newest first.");
                blocks.Add("TABLE:[Step|Changes|Undone by]" + string.Concat(Enumerable.Reverse(changes).Select(i =>
                {
                    var step = Steps[i];
                    var changed = ResourceTexts(step.Modifies.Concat(step.Destroys));
                    var undoneBy = step.RollbackWith is not null ? RollbackLabel(step.RollbackWith)
                        : Blankless(step.NoRollback) is { } reason ? "no rollback: " + InlineText(reason)
                        : "no rollback declared";
                    return $"[{i + 1}. {InlineText(step.Title)}|{(changed.Count > 0 ? string.Join(", ", changed) : "—")}|{undoneBy}]";
                })));
            }
            for (var r = 0; r < Rollbacks.Count; r++)
            {
                var rollback = Rollbacks[r];
                blocks.Add($"H3:R{r + 1}. {InlineText(rollback.Title)}");
                var undoes = Steps.Where(s => s.RollbackWith == rollback.Method).Select(s => InlineText(s.Title)).ToList();
                blocks.Add(undoes.Count > 0 ? "P:Undoes: " + string.Join("; ", undoes) + "." : "P:Not linked to any step.");
                if (Blankless(rollback.Instructions) is { } text && BlockText(text).Length > 0)
                    blocks.Add("P:" + BlockText(text));
                blocks.AddRange(rollback.Commands.Select(c => "CODE[sh]:" + CommandText(c)));
            }
        }

        var risks = Steps.SelectMany((s, i) => s.Risks.Where(r => r.RuleId.Trim().Length > 0).Select(r => (Index: i, Step: s, Risk: r))).ToList();
        if (risks.Count > 0)
        {
            blocks.Add("H2:Accepted risks");
            blocks.Add("TABLE:[Step|Rule|Reason]" + string.Concat(risks.Select(r =>
                $"[{r.Index + 1}. {InlineText(r.Step.Title)}|{InlineText(r.Risk.RuleId)}|{(Blankless(r.Risk.Because) is { } because ? InlineText(because) : "no reason given")}]")));
        }
        blocks.Add("H2:State machine");
        blocks.Add("CODE[mermaid]");
        return blocks;
    }

    /// <summary>The Mermaid state labels the diagram must carry: state name and decoded label text.</summary>
    public List<(string State, string Label)> ExpectedMermaidLabels()
    {
        static string Flat(string text) => text.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
        var labels = Steps.Select((s, i) => (s.Method, Flat($"{i + 1}. {s.Title.Trim()}"))).ToList();
        foreach (var step in Steps.Where(s => s.RollbackWith is not null))
        {
            var shared = Steps.Count(s => s.RollbackWith == step.RollbackWith) > 1;
            var index = Rollbacks.FindIndex(r => r.Method == step.RollbackWith);
            labels.Add((shared ? step.RollbackWith + "For" + step.Method : step.RollbackWith!, Flat($"R{index + 1}. {Rollbacks[index].Title.Trim()}")));
        }
        return labels;
    }

    private static string List(IEnumerable<string> items) => "LIST:" + string.Join(" ¦ ", items);

    private static bool IsProduction(string environment) =>
        environment.Trim().ToUpperInvariant() is "PRODUCTION" or "PROD" or "LIVE";

    /// <summary>Every author string of the case, printable, for a failure message.</summary>
    public string Describe() => $"case seed {Seed} ({ClassName}); source:\n{Source()}";
}
