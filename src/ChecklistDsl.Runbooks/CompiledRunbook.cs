namespace ChecklistDsl.Runbooks;

/// <summary>One checklist's runbook as compiled into an assembly.</summary>
/// <param name="ClassName">The checklist class name, for example <c>DeploySafelyToProduction</c>.</param>
/// <param name="FileName">The runbook's file name, for example <c>deploy-safely-to-production.md</c>.</param>
/// <param name="Title">The runbook's title (its first heading).</param>
/// <param name="Summary">The checklist's summary, if any.</param>
/// <param name="Markdown">The runbook.</param>
internal sealed record CompiledRunbook(string ClassName, string FileName, string Title, string? Summary, string Markdown);
