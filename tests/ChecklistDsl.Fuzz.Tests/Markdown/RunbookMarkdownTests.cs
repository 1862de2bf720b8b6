using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChecklistDsl.Fuzz.Tests.Markdown;

/// <summary>
/// Property tests: checklists whose every author string is random hostile text (titles, summary, owner,
/// environment, inputs, sections, purposes, instructions, checks, commands, approval roles, resources,
/// rollback titles and reasons, AssumeSafe reasons) render as exactly that text. Parsed by Markdig, each
/// runbook has exactly the expected blocks; no raw HTML or link; each command is one fenced block; the
/// Mermaid labels are escaped. Seeds are fixed; a failure names the case seed and prints its source.
/// </summary>
[TestClass]
public sealed partial class RunbookMarkdownTests
{
    private const int FirstSeed = 1;
    private const int Cases = 300;

    private static readonly Lazy<IReadOnlyList<(RunbookCase Case, ChecklistDefinition Definition)>> RandomRunbooks = new(() =>
        GeneratedRunbooks.Build([.. Enumerable.Range(FirstSeed, Cases).Select(RunbookCase.Random)]));

    /// <summary>The strings the issue names, each put into every field of a checklist of its own.</summary>
    private static readonly string[] Listed =
    [
        "a | b | c", "|", "`code`", "```", "````sh\nrm -rf /\n````", "``````", "<script>alert(1)</script>",
        "<!-- hidden -->", "<!--", "[x](javascript:alert(1))", "# heading", "## two", "- item", "+ item", "* item",
        "1. item", "1) item", "> quote", "line one\nline two", "line\r\n- item\r\n# heading", "a\rb", "---", "===",
        "*emphasis* _also_ ~strike~", "&amp; &lt;b&gt;", "\\", "{.class}", "<div>\n\ntext\n</div>", "\ttab", "\u202Ertl\u2028sep\0nul",
        "a. item", "iv) item", "::: warning", ": definition", "==marked== ++inserted++ ^sup^", "\uD800 lone surrogate",
    ];

    // Shown escaped (no control characters in test names), looked up by index.
    public static IEnumerable<object[]> ListedStrings => Listed.Select((text, index) => new object[] { Show(text), index });

    [TestMethod]
    public void Random_author_text_renders_as_exactly_the_expected_blocks_and_plain_text()
    {
        var failures = RandomRunbooks.Value.Select(r => StructureProblem(r.Case, r.Definition)).OfType<string>().ToList();
        Assert.IsEmpty(failures, $"{failures.Count} of {Cases} runbooks differ; first:\n{failures.FirstOrDefault()}");
    }

    [TestMethod]
    public void Random_author_text_never_becomes_raw_html_or_a_link()
    {
        var failures = RandomRunbooks.Value.Select(r => HtmlOrLinkProblem(r.Case, r.Definition)).OfType<string>().ToList();
        Assert.IsEmpty(failures, $"{failures.Count} of {Cases}; first:\n{failures.FirstOrDefault()}");
    }

    [TestMethod]
    public void Each_random_command_is_one_fenced_block_longer_than_any_backtick_run_inside()
    {
        var failures = RandomRunbooks.Value.Select(r => CommandProblem(r.Case, r.Definition)).OfType<string>().ToList();
        Assert.IsEmpty(failures, $"{failures.Count} of {Cases}; first:\n{failures.FirstOrDefault()}");
    }

    [TestMethod]
    public void Task_list_items_are_exactly_the_random_checks()
    {
        var failures = RandomRunbooks.Value.Select(r => CheckProblem(r.Case, r.Definition)).OfType<string>().ToList();
        Assert.IsEmpty(failures, $"{failures.Count} of {Cases}; first:\n{failures.FirstOrDefault()}");
    }

    [TestMethod]
    public void Mermaid_diagram_has_only_the_expected_lines_and_escaped_labels()
    {
        var failures = RandomRunbooks.Value.Select(r => MermaidProblem(r.Case, r.Definition)).OfType<string>().ToList();
        Assert.IsEmpty(failures, $"{failures.Count} of {Cases}; first:\n{failures.FirstOrDefault()}");
    }

    [TestMethod]
    public void Definition_holds_exactly_the_random_author_text()
    {
        var failures = RandomRunbooks.Value.Select(r => DefinitionProblem(r.Case, r.Definition)).OfType<string>().ToList();
        Assert.IsEmpty(failures, $"{failures.Count} of {Cases}; first:\n{failures.FirstOrDefault()}");
    }

    [TestMethod]
    [DynamicData(nameof(ListedStrings))]
    public void Listed_dangerous_string_in_every_field_renders_literally(string shown, int index)
    {
        _ = shown;
        var (runbook, definition) = GeneratedRunbooks.Build([RunbookCase.Everywhere(index, Listed[index])]).Single();
        var problems = new[]
        {
            StructureProblem(runbook, definition), HtmlOrLinkProblem(runbook, definition), CommandProblem(runbook, definition),
            CheckProblem(runbook, definition), MermaidProblem(runbook, definition), DefinitionProblem(runbook, definition),
        }.OfType<string>().ToList();
        Assert.IsEmpty(problems, string.Join("\n\n", problems));
    }

    // ---- the properties; each returns null when it holds ----

    /// <summary>
    /// The definition (read at run time from the generated JSON) holds every field as the parser
    /// reads it (texts trimmed, blank ones absent; resources trimmed): lone surrogates, control
    /// characters, quotes and backslashes included.
    /// </summary>
    private static string? DefinitionProblem(RunbookCase runbook, ChecklistDefinition definition)
    {
        var problems = new List<string>();
        void Same<T>(string field, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
                problems.Add($"{field}: expected {Show(expected?.ToString() ?? "null")}, got {Show(actual?.ToString() ?? "null")}");
        }
        void SameList(string field, IEnumerable<string> expected, IEnumerable<string> actual) =>
            Same(field, string.Join("\u0001", expected), string.Join("\u0001", actual));
        // The parser's rules: a text is trimmed, and absent when blank; checks and commands are kept
        // as written unless blank; resources are trimmed, and dropped when blank.
        static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        static IEnumerable<string> Written(IEnumerable<string> values) => values.Where(v => !string.IsNullOrWhiteSpace(v));
        static IEnumerable<string> Resources(IEnumerable<string> values) => values.Select(Text).OfType<string>();

        Same("Name", runbook.ClassName, definition.Name);
        Same("Title", Text(runbook.Title), definition.Title);
        Same("Summary", Text(runbook.Summary), definition.Summary);
        Same("Owner", Text(runbook.Owner), definition.Owner);
        Same("Environment", Text(runbook.Environment), definition.Environment);
        Same("Inputs", runbook.Inputs.Count, definition.Inputs.Count);
        foreach (var (input, read) in runbook.Inputs.Zip(definition.Inputs))
        {
            Same("Input.Name", input.Property, read.Name);
            Same("Input.Description", Text(input.Description), read.Description);
            Same("Input.IsSecret", input.Secret, read.IsSecret);
        }
        Same("Steps", runbook.Steps.Count, definition.Steps.Count);
        foreach (var (step, read) in runbook.Steps.Zip(definition.Steps))
        {
            var at = "Steps[" + read.Index + "].";
            Same(at + "Name", step.Method, read.Name);
            Same(at + "Title", Text(step.Title), read.Title);
            Same(at + "Purpose", Text(step.Purpose), read.Purpose);
            Same(at + "Instructions", Text(step.Instructions), read.Instructions);
            Same(at + "Optional", step.Optional, read.Optional);
            SameList(at + "Checks", Written(step.Checks), read.Checks);
            SameList(at + "Commands", Written(step.Commands), read.Commands);
            Same(at + "ApprovalRole", step.Approval is null ? null : Text(step.Approval) ?? "Approver", read.ApprovalRole);
            SameList(at + "Backup.Resources", Resources(step.Backup ?? []), read.Backup?.Resources ?? []);
            Same(at + "Backup.Verified", step.Backup is not null && step.Verified, read.Backup?.Verified ?? false);
            Same(at + "Backup.OffSite", step.Backup is not null && step.OffSite, read.Backup?.OffSite ?? false);
            SameList(at + "Modifies", Resources(step.Modifies), read.Modifies);
            SameList(at + "Destroys", Resources(step.Destroys), read.Destroys);
            SameList(at + "Verifies", Resources(step.Verifies), read.Verifies);
            Same(at + "RollbackName", step.RollbackWith, read.RollbackName);
            Same(at + "NoRollbackReason", step.NoRollback is null ? null : Text(step.NoRollback) ?? "", read.NoRollbackReason);
            SameList(at + "AcceptedRisks", step.Risks.Select(r => r.RuleId + "=" + (Text(r.Because) ?? "")), read.AcceptedRisks.Select(r => r.RuleId + "=" + r.Because));
        }
        // Sections: the step that carries one starts it, and the following steps belong to it.
        var section = (string?)null;
        foreach (var (step, read) in runbook.Steps.Zip(definition.Steps))
        {
            section = Text(step.Section) ?? section;
            Same("Steps[" + read.Index + "].Section", section, read.Section);
            Same("Steps[" + read.Index + "].StartsSection", Text(step.Section) is not null, read.StartsSection);
        }
        Same("Rollbacks", runbook.Rollbacks.Count, definition.Rollbacks.Count);
        foreach (var (rollback, read) in runbook.Rollbacks.Zip(definition.Rollbacks))
        {
            Same("Rollback.Name", rollback.Method, read.Name);
            Same("Rollback.Title", Text(rollback.Title), read.Title);
            Same("Rollback.Instructions", Text(rollback.Instructions), read.Instructions);
            SameList("Rollback.Commands", Written(rollback.Commands), read.Commands);
        }
        return problems.Count == 0 ? null : $"{runbook.ClassName}: {string.Join("; ", problems)}\n{runbook.Describe()}";
    }

    private static string? StructureProblem(RunbookCase runbook, ChecklistDefinition definition)
    {
        var expected = runbook.ExpectedBlocks(definition);
        var actual = MarkdownView.Parse(definition.Markdown).Select(MarkdownView.Describe).ToList();
        if (expected.SequenceEqual(actual))
            return null;
        var at = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Count, actual.Count));
        return $"{runbook.Describe()}\nfirst difference at block {at}:\n  expected: {Show(expected.ElementAtOrDefault(at))}\n  actual:   {Show(actual.ElementAtOrDefault(at))}\n"
            + $"expected {expected.Count} blocks, got {actual.Count}\n----- markdown -----\n{definition.Markdown}";
    }

    private static string? HtmlOrLinkProblem(RunbookCase runbook, ChecklistDefinition definition)
    {
        var document = MarkdownView.Parse(definition.Markdown);
        // The generator writes no HTML and no link of its own: any is a user string's.
        var found = document.Descendants<HtmlBlock>().Select(h => "HTML block: " + h.Lines)
            .Concat(document.Descendants<HtmlInline>().Select(h => "HTML inline: " + h.Tag))
            .Concat(document.Descendants<LinkInline>().Select(l => "link: " + l.Url))
            .Concat(document.Descendants<AutolinkInline>().Select(l => "autolink: " + l.Url))
            .ToList();
        return found.Count == 0 ? null : $"{runbook.Describe()}\n{string.Join("\n", found.Select(Show))}\n----- markdown -----\n{definition.Markdown}";
    }

    private static string? CommandProblem(RunbookCase runbook, ChecklistDefinition definition)
    {
        var blocks = MarkdownView.Parse(definition.Markdown).Descendants<FencedCodeBlock>().Where(b => b.Info != "mermaid").ToList();
        var expected = runbook.CommandsInOrder.Select(RunbookCase.CommandText).ToList();
        var actual = blocks.Select(MarkdownView.Content).ToList();
        if (!expected.SequenceEqual(actual))
            return $"{runbook.Describe()}\nexpected commands:\n{string.Join("\n", expected.Select(Show))}\nactual:\n{string.Join("\n", actual.Select(Show))}";
        foreach (var block in blocks)
        {
            var longestRun = BacktickRun().Matches(MarkdownView.Content(block)).Select(m => m.Length).DefaultIfEmpty(0).Max();
            if (block.FencedChar != '`' || block.OpeningFencedCharCount <= longestRun || block.Info != "sh")
                return $"{runbook.Describe()}\nfence {block.FencedChar}x{block.OpeningFencedCharCount} info '{block.Info}' around a run of {longestRun} backticks";
        }
        return null;
    }

    private static string? CheckProblem(RunbookCase runbook, ChecklistDefinition definition)
    {
        var document = MarkdownView.Parse(definition.Markdown);
        var expected = runbook.ChecksInOrder.Select(RunbookCase.InlineText).ToList();
        var items = document.Descendants<ListItemBlock>().Where(i => i.Descendants<TaskList>().Any()).ToList();
        var actual = items.Select(i => MarkdownView.Plain(((ParagraphBlock)i[0]).Inline).TrimStart('☐')).ToList();
        var ticks = document.Descendants<TaskList>().Count();
        return expected.SequenceEqual(actual) && ticks == expected.Count && definition.Steps.Sum(s => s.Checks.Count) == expected.Count
            ? null
            : $"{runbook.Describe()}\n{ticks} task items; expected checks:\n{string.Join("\n", expected.Select(Show))}\nactual:\n{string.Join("\n", actual.Select(Show))}";
    }

    private static readonly string[] AbortedNote =
    [
        "    note left of Aborted",
        "        Abort from any step or rollback",
        "        Fail from any step or rollback without a Fail edge drawn",
        "    end note",
    ];

    private static string? MermaidProblem(RunbookCase runbook, ChecklistDefinition definition)
    {
        var diagrams = MarkdownView.Parse(definition.Markdown).Descendants<FencedCodeBlock>().Where(b => b.Info == "mermaid").ToList();
        if (diagrams.Count != 1)
            return $"{runbook.Describe()}\n{diagrams.Count} mermaid blocks";
        var lines = MarkdownView.Content(diagrams[0]).Split('\n');
        var problems = new List<string>();
        if (lines[0] != "stateDiagram-v2" || lines.Count(l => l == "    [*] --> NotStarted") != 1)
            problems.Add("header lines: " + Show(string.Join("\n", lines.Take(2))));
        // The note that stands for the unguarded Abort and Fail edges into Aborted: fixed text, once.
        var note = string.Join("\n", AbortedNote);
        if (string.Join("\n", lines).Split(note).Length != 2)
            problems.Add("the note on Aborted is missing or repeated");
        var labels = new List<(string State, string Label)>();
        foreach (var line in lines.Skip(1).Where(l => l != "    [*] --> NotStarted"))
        {
            if (TransitionLine().IsMatch(line) || AbortedNote.Contains(line))
                continue;
            var label = LabelLine().Match(line);
            if (!label.Success)
            {
                problems.Add("unexpected line: " + Show(line));
                continue;
            }
            var raw = label.Groups["label"].Value;
            var bare = EntityCode().Replace(raw, "");
            if (bare.IndexOfAny([';', '#', '"', ':', '<', '>', '{', '}', '[', ']', '\n', '\r', '`']) is var bad and >= 0)
                problems.Add($"label with a raw '{bare[bad]}': {Show(raw)}");
            labels.Add((label.Groups["state"].Value, Decode(raw)));
        }
        var expected = runbook.ExpectedMermaidLabels();
        if (!expected.SequenceEqual(labels))
            problems.Add($"labels:\n  expected {string.Join("; ", expected.Select(e => e.State + "=" + Show(e.Label)))}\n  actual   {string.Join("; ", labels.Select(e => e.State + "=" + Show(e.Label)))}");
        return problems.Count == 0 ? null : $"{runbook.Describe()}\n{string.Join("\n", problems)}";
    }

    /// <summary>Mermaid's entity codes (#NN;) back to text; a lone surrogate is its own code unit.</summary>
    private static string Decode(string label) => EntityCode().Replace(label, m =>
    {
        var code = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return code is >= 0xD800 and <= 0xDFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code);
    });

    /// <summary>A string with control and invisible characters spelled out, for messages.</summary>
    private static string Show(string? text) =>
        text is null ? "(none)" : "\"" + string.Concat(text.Select(c => c is >= ' ' and <= '~' or '¦' or '⏎' or '—' ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";

    [GeneratedRegex("`+")]
    private static partial Regex BacktickRun();

    [GeneratedRegex(@"#(\d+);")]
    private static partial Regex EntityCode();

    [GeneratedRegex(@"^    \w+ --> \w+ : \w+( \[[\w ]+\])?$")]
    private static partial Regex TransitionLine();

    [GeneratedRegex(@"^    (?<state>\w+) : (?<label>.*)$")]
    private static partial Regex LabelLine();
}
