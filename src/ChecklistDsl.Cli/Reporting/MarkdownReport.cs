using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ChecklistDsl.Cli.Reporting;

/// <summary>
/// The report as Markdown: the source the HTML is rendered from. Every text that comes from the journal
/// is escaped (backslash before each ASCII punctuation character), so a title, a name or a comment
/// can neither format the report nor inject HTML into its HTML rendering. Command output goes into
/// fenced blocks inside <c>&lt;details&gt;</c>, collapsed.
/// </summary>
internal static partial class MarkdownReport
{
    /// <summary>The line the journal has where it left out the middle of a long output (Running/ShellCommand).</summary>
    [GeneratedRegex(@"^\[\.\.\. (?<n>\d+) characters of output left out \.\.\.\]$", RegexOptions.Multiline)]
    private static partial Regex CutLine();

    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        md.Append("# Run report: ").Append(Text(report.Title)).Append("\n\n");
        md.Append("| | |\n| --- | --- |\n");
        Row("Run", Code(report.RunId));
        Row("Checklist", $"{Text(report.Checklist)}");
        Row("Target", Text(report.Target));
        Row("Operator", Text(report.Operator));
        Row("Host", Text(report.Host));
        Row("Started", When(report.StartedAt));
        Row("Ended", report.EndedAt is { } end ? When(end) : $"not ended (last activity {When(report.LastActivityAt)})");
        Row("Outcome", $"**{Text(report.Outcome)}**: {Text(report.OutcomeDetail)}");
        Row(report.EndedAt is null ? "Duration so far" : "Duration", Duration(report.DurationSeconds));
        Row("Plan fingerprint", Code(report.PlanFingerprint));
        Row("Source revision", Text(SourceRevision.Describe(report.SourceRevision)));
        Row("Runbook", report.RunbookLink is { } link ? $"[{Text(report.Title)}]({Url(link)})" : "not published to a wiki (see `checklist publish`)");
        Row("Journal integrity", $"**{Text(report.Integrity.Verdict)}**" +
            (report.Integrity.Head is { } head ? $"; last record {Code(head)}" : ""));
        Row("Steps named from", Text(report.PlanSource));
        md.Append('\n');

        md.Append("## Deviations\n\n");
        if (report.Deviations.Count == 0)
            md.Append("None: every step was done in order, nothing skipped, failed, resumed or accepted as a risk.\n\n");
        else
        {
            md.Append("| When | Kind | What | By |\n| --- | --- | --- | --- |\n");
            foreach (var d in report.Deviations)
                md.Append($"| {(d.At is { } at ? When(at) : "(plan)")} | {Text(d.Kind)} | {Text(d.Text)} | {Text(d.By ?? "")} |\n");
            md.Append('\n');
        }

        md.Append("## Timeline\n\n");
        md.Append("| # | Step | Status | Started | Duration | Checks ticked |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var s in report.Timeline)
        {
            var title = (s.IsRollback ? "↩ " : "") + Text(s.Title) + (s.Section is { } section && !s.IsRollback ? $" *({Text(section)})*" : "");
            var checks = s.Checks.Count == 0 ? "" : string.Join("<br>", s.Checks.Select(c => $"☑ {Text(c.Text)}: {Text(c.By)}{(c.Via is null ? "" : $" via {Text(c.Via)}")}, {When(c.At)}"));
            md.Append($"| {s.Number} | {title} | {Text(s.Status)} | {(s.StartedAt is { } st ? When(st) : "")} | {(s.DurationSeconds is { } d ? Duration(d) : "")} | {checks} |\n");
        }
        md.Append('\n');

        md.Append("## Commands\n\n");
        if (report.Commands.Count == 0)
            md.Append("No command ran.\n\n");
        for (var i = 0; i < report.Commands.Count; i++)
        {
            var c = report.Commands[i];
            md.Append($"### {i + 1}. {Text(c.StepTitle)}, command {c.Index + 1}\n\n");
            md.Append(Fence(c.Line, "sh")).Append('\n');
            md.Append($"- result: **{Text(Result(c))}**\n");
            md.Append($"- started: {When(c.StartedAt)} by {Text(c.By)}");
            if (c.DurationSeconds is { } d)
                md.Append($", took {Duration(d)}");
            md.Append("\n\n");
            if (c.Output is { Length: > 0 } output)
            {
                var lines = output.TrimEnd('\n').Split('\n').Length;
                var summary = $"Output ({lines} line{(lines == 1 ? "" : "s")}{(c.OutputTruncated ? ", cut: the journal kept the first and last 16 KiB" : "")})";
                md.Append("<details>\n<summary>").Append(WebUtility.HtmlEncode(summary)).Append("</summary>\n\n");
                md.Append(Fence(MarkCuts(output), "text")).Append("\n</details>\n\n");
            }
            else if (!c.AcceptedWithoutRunning && !c.NoEndRecorded)
            {
                md.Append("No output.\n\n");
            }
        }

        md.Append("## Approvals and rejections\n\n");
        if (report.Approvals.Count == 0)
            md.Append("None recorded.\n\n");
        else
        {
            md.Append("| Gate | Role | Decision | Who | Identity | When | Comment |\n| --- | --- | --- | --- | --- | --- | --- |\n");
            foreach (var a in report.Approvals)
            {
                var identity = a.Verified ? "verified" : $"unverified (a typed name{(a.Via is null ? "" : $", via {Text(a.Via)}")})";
                md.Append($"| {Text(a.Step)} | {Text(a.Role)} | {Text(a.Decision)} | {Text(a.Who)} | {identity} | {When(a.At)} | {Text(a.Comment ?? "")} |\n");
            }
            md.Append('\n');
        }

        if (report.Inputs.Count > 0)
        {
            md.Append("## Inputs\n\nNon-secret values as recorded; secrets are never recorded.\n\n| Input | Value |\n| --- | --- |\n");
            foreach (var (name, value) in report.Inputs)
                md.Append($"| {Text(name)} | {Text(value)} |\n");
            md.Append('\n');
        }
        md.Append("---\n\n").Append($"Generated by `checklist report` from the journal of run {Code(report.RunId)}.\n");
        return md.ToString();

        void Row(string name, string value) => md.Append("| ").Append(name).Append(" | ").Append(value).Append(" |\n");
    }

    private static string Result(ReportCommand c) =>
        c.AcceptedWithoutRunning ? "accepted as done without running it again (it had been interrupted)"
        : c.NoEndRecorded ? "no end recorded: the run stopped while it ran"
        : c.TimedOut ? "timed out"
        : c.Interrupted ? "interrupted"
        : c.ExitCode == 0 ? "exit code 0"
        : $"failed, exit code {c.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}";

    /// <summary>Replaces the journal's cut line with a visible cut mark.</summary>
    private static string MarkCuts(string output) =>
        CutLine().Replace(output, m => $"✂---------- {m.Groups["n"].Value} characters of output left out here (the journal keeps the first and last 16 KiB) ----------✂");

    /// <summary>
    /// Text for a Markdown paragraph, heading or table cell: the characters that could format it, link,
    /// open HTML or end a cell are backslash-escaped; line ends become spaces. (Journal texts never start
    /// a line of the report, so line-start markers such as '-' or '1.' need no escape.)
    /// </summary>
    public static string Text(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' || char.IsControl(c))
                escaped.Append(' ');
            else if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '&' or '~' or '!' or '#' or '$')
                escaped.Append('\\').Append(c);
            else
                escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Inline code that holds any text (the fence is longer than any run of backticks in it).</summary>
    private static string Code(string text)
    {
        var longest = Regex.Matches(text, "`+").Select(m => m.Length).DefaultIfEmpty(0).Max();
        var fence = new string('`', longest + 1);
        // In a table, a pipe ends the cell even inside code: escape it.
        return $"{fence} {text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ')} {fence}";
    }

    /// <summary>A fenced block that no line of the text can close.</summary>
    private static string Fence(string text, string info)
    {
        var longest = Regex.Matches(text, "`{3,}|~{3,}").Select(m => m.Length).DefaultIfEmpty(0).Max();
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}{info}\n{text.TrimEnd('\n')}\n{fence}\n";
    }

    private static string Url(string url) => "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal) + ">";

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"0.4 s", "3 min 12 s", "1 h 02 min".</summary>
    public static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        if (t.TotalSeconds < 60)
            return t.TotalSeconds.ToString(t.TotalSeconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";
        if (t.TotalMinutes < 60)
            return $"{(int)t.TotalMinutes} min {t.Seconds:00} s";
        return $"{(int)t.TotalHours} h {t.Minutes:00} min";
    }
}
