using System.Text;
using ChecklistDsl.Runbooks.Tests.Infrastructure;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChecklistDsl.Runbooks.Tests;

/// <summary>
/// Every seed runbook, parsed with Markdig, has the structure its definition says: one heading per
/// section and per step, one task-list item per check, one fenced block per command, the Mermaid
/// diagram and the rollback plan.
/// </summary>
[TestClass]
public sealed class RunbookStructureTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().Build();

    public static IEnumerable<object[]> Checklists => Repository.Definitions.Select(d => new object[] { d.Name });

    private static ChecklistDefinition Definition(string name) => Repository.Definitions.Single(d => d.Name == name);

    [TestMethod]
    [DynamicData(nameof(Checklists))]
    public void The_title_comes_first_then_the_steps_then_the_rollback_plan(string name)
    {
        var definition = Definition(name);
        var headings = Parse(definition).Descendants<HeadingBlock>().ToList();

        Assert.AreEqual(1, headings[0].Level);
        Assert.AreEqual(definition.Title, Text(headings[0]));
        var topLevel = headings.Where(h => h.Level == 2).Select(Text).ToList();
        var expected = new List<string>();
        if (definition.Inputs.Count > 0)
            expected.Add("Inputs");
        expected.Add("Steps");
        if (definition.Steps.Any(s => s.IsChange))
            expected.Add("Rollback plan");
        if (definition.Steps.Any(s => s.AcceptedRisks.Count > 0))
            expected.Add("Accepted risks");
        expected.Add("State machine");
        CollectionAssert.AreEqual(expected, topLevel.Where(expected.Contains).ToList(), string.Join(" | ", topLevel));
        Assert.AreEqual(1, headings.Count(h => h.Level == 1), "one title");
    }

    [TestMethod]
    [DynamicData(nameof(Checklists))]
    public void One_heading_per_section_and_per_step_in_order(string name)
    {
        var definition = Definition(name);
        var steps = StepsPart(Parse(definition));

        var sectionHeadings = steps.OfType<HeadingBlock>().Where(h => h.Level == 3).Select(Text).ToList();
        var stepHeadings = steps.OfType<HeadingBlock>().Where(h => h.Level == 4).Select(Text).ToList();

        CollectionAssert.AreEqual(definition.Steps.Where(s => s.StartsSection).Select(s => s.Section).ToList(), sectionHeadings);
        CollectionAssert.AreEqual(definition.Steps.Select(s => $"{s.Index + 1}. {s.Title}").ToList(), stepHeadings);
    }

    [TestMethod]
    [DynamicData(nameof(Checklists))]
    public void One_task_list_item_per_check_and_one_fenced_block_per_command_under_each_step(string name)
    {
        var definition = Definition(name);
        var byStep = GroupUnderLevel(StepsPart(Parse(definition)), 4);

        Assert.HasCount(definition.Steps.Count, byStep);
        foreach (var step in definition.Steps)
        {
            var blocks = byStep[step.Index];
            var tasks = blocks.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>())
                .Select(item => item.Descendants<ParagraphBlock>().First())
                .Where(p => p.Inline?.FirstChild is TaskList)
                .Select(p => Text(p).Trim())
                .ToList();
            CollectionAssert.AreEqual(step.Checks.ToList(), tasks, $"checks of step {step.Index + 1}. {step.Title}");
            Assert.IsTrue(tasks.Count == 0 || blocks.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>())
                .Where(i => i.Descendants<ParagraphBlock>().First().Inline?.FirstChild is TaskList)
                .All(i => i.Descendants<TaskList>().All(t => !t.Checked)), "every check starts unticked");
            // The step's commands, then the command it waits on ([WaitUntil]), each in its own block.
            var expected = step.Wait is { } wait ? step.Commands.Append(wait.Command).ToList() : step.Commands.ToList();
            CollectionAssert.AreEqual(expected, Commands(blocks), $"commands of step {step.Index + 1}. {step.Title}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Checklists))]
    public void The_rollback_plan_has_a_row_per_change_and_a_procedure_per_rollback_with_its_commands(string name)
    {
        var definition = Definition(name);
        var document = Parse(definition);
        var plan = Part(document, "Rollback plan");
        var changes = definition.Steps.Where(s => s.IsChange).ToList();
        if (changes.Count == 0)
        {
            Assert.IsEmpty(plan);
            return;
        }

        var table = plan.OfType<Table>().Single();
        var rows = table.OfType<TableRow>().Where(r => !r.IsHeader).Select(r => Text((TableCell)r[0])).ToList();
        CollectionAssert.AreEquivalent(changes.Select(s => $"{s.Index + 1}. {s.Title}").ToList(), rows);

        var procedures = GroupUnderLevel(plan, 3);
        var procedureTitles = plan.OfType<HeadingBlock>().Where(h => h.Level == 3).Select(Text).ToList();
        var used = definition.Rollbacks.Where(r => changes.Any(s => s.RollbackName == r.Name)).ToList();
        Assert.HasCount(used.Count, procedureTitles);
        for (var i = 0; i < used.Count; i++)
        {
            StringAssert.EndsWith(procedureTitles[i], ". " + used[i].Title);
            CollectionAssert.AreEqual(used[i].Commands.ToList(), Commands(procedures[i]), $"commands of rollback {used[i].Title}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Checklists))]
    public void One_mermaid_state_diagram_names_every_step_and_rollback_state(string name)
    {
        var definition = Definition(name);
        var fences = Parse(definition).Descendants<FencedCodeBlock>().Where(f => f.Info == "mermaid").ToList();

        Assert.HasCount(1, fences);
        var diagram = fences[0].Lines.ToString();
        StringAssert.StartsWith(diagram, "stateDiagram-v2\n");
        foreach (var step in definition.Steps)
        {
            StringAssert.Contains(diagram, $"    {step.Name} : {step.Index + 1}. ");
            if (step.RollbackState is not null)
                StringAssert.Contains(diagram, $"{step.Name} --> {step.RollbackState} : Fail");
        }
        foreach (var end in new[] { "NotStarted", "Completed", "Aborted" })
            StringAssert.Contains(diagram, end);
    }

    [TestMethod]
    [DynamicData(nameof(Checklists))]
    public void The_inputs_table_lists_every_input_and_no_secret_value(string name)
    {
        var definition = Definition(name);
        var inputs = Part(Parse(definition), "Inputs");
        if (definition.Inputs.Count == 0)
        {
            Assert.IsEmpty(inputs);
            return;
        }

        var rows = inputs.OfType<Table>().Single().OfType<TableRow>().Where(r => !r.IsHeader).Select(r => Text((TableCell)r[0])).ToList();
        CollectionAssert.AreEqual(definition.Inputs.Select(i => i.Name).ToList(), rows);
    }

    [TestMethod]
    [DynamicData(nameof(Checklists))]
    public void The_runbook_links_to_nothing_it_does_not_have(string name)
    {
        var definition = Definition(name);
        var document = Parse(definition);
        var anchors = document.Descendants<HeadingBlock>()
            .Select(h => "#" + Text(h).Trim().ToLowerInvariant().Replace(' ', '-'))
            .ToHashSet();

        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url ?? "";
            Assert.IsTrue(Uri.TryCreate(url, UriKind.Absolute, out _) || anchors.Contains(url),
                $"{name}: a link to '{url}', which is neither absolute nor a heading of the runbook");
        }
    }

    private static MarkdownDocument Parse(ChecklistDefinition definition) => Markdown.Parse(definition.Markdown, Pipeline);

    private static List<Block> StepsPart(MarkdownDocument document) => Part(document, "Steps");

    // The top-level blocks after the "## title" heading, up to the next level-2 heading.
    private static List<Block> Part(MarkdownDocument document, string title)
    {
        var part = new List<Block>();
        var inside = false;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                inside = heading.Level == 2 && Text(heading) == title;
                continue;
            }
            if (inside)
                part.Add(block);
        }
        return part;
    }

    // The blocks under each heading of the given level, up to the next heading of that level or above.
    private static List<List<Block>> GroupUnderLevel(List<Block> blocks, int level)
    {
        var groups = new List<List<Block>>();
        List<Block>? current = null;
        foreach (var block in blocks)
        {
            if (block is HeadingBlock heading && heading.Level <= level)
            {
                current = heading.Level == level ? [] : null;
                if (current is not null)
                    groups.Add(current);
                continue;
            }
            current?.Add(block);
        }
        return groups;
    }

    private static List<string> Commands(List<Block> blocks) =>
        blocks.OfType<FencedCodeBlock>().Where(f => f.Info == "sh").Select(f => f.Lines.ToString()).ToList();

    private static string Text(LeafBlock block) => Text(block.Inline);

    private static string Text(TableCell cell) => string.Concat(cell.Descendants<ParagraphBlock>().Select(Text)).Trim();

    private static string Text(ContainerInline? inline)
    {
        var text = new StringBuilder();
        if (inline is null)
            return "";
        foreach (var child in inline.Descendants<Inline>())
        {
            switch (child)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }
        return text.ToString();
    }
}
