using ChecklistDsl;

namespace Checklists;

/// <summary>
/// Seed 004: the migration, reindex and cache-rebuild review of a WordPress support-automation
/// plugin (SophMate): identify the work an update needs, decide what to reindex, run it, verify
/// read-only before automation resumes, and hand issues to support with secrets redacted. Its
/// "Common mistakes" become checks at the steps where they happen.
/// </summary>
[Checklist("Migration and reindex review",
    Environment = "production",
    Summary = "Treat database migrations, Knowledge Base reindexing, cache rebuilds and refreshed derived context as part of the update plan, and keep customer-facing agents and write-capable automation paused until the refreshed context produces expected results. Review when an issue is reported, before support contact, and after recovery to improve the runbook.",
    Owner = "Support lead or site administrator responsible for triage and evidence handling")]
public partial class MigrationAndReindexReview
{
    private const string DerivedData =
        "Derived data: a failed rebuild is rerun from its sources, not restored.";

    [Step("Identify the required migration work",
        Purpose = "treat migrations, reindexing, cache rebuilds and refreshed context as part of the update plan",
        Instructions = "Use Changelog and Release Note Review before release decisions.")]
    [Section("Migration scope")]
    [Check("Database migrations required by the update or configuration change identified")]
    [Check("Knowledge Base reindexing identified")]
    [Check("Cache rebuilds identified")]
    [Check("Refreshed derived context identified")]
    [Check("Known which agents, search, support replies or workflow decisions depend on current source material")]
    private void IdentifyMigrationWork() { }

    [Step("Decide which sources to refresh",
        Purpose = "the team knows what must be current before automation resumes",
        Instructions = "Pair this with Update and Rollback, the backup and staging workflow, and Knowledge Base Sources (source ownership).")]
    [Section("Reindex decision")]
    [Approval("Support lead")]
    [Check("Sources touched by plugin updates considered")]
    [Check("Policy edits considered")]
    [Check("Imported playbooks considered")]
    [Check("Provider changes considered")]
    [Check("Large WooCommerce catalog changes considered")]
    private void DecideSourcesToRefresh() { }

    [Step("Confirm automation stays paused")]
    [Check("Customer-facing agents paused")]
    [Check("Storefront panels paused")]
    [Check("Write-capable automation paused")]
    [Check("The team knows which modules remain paused if migration or reindex verification fails")]
    private void ConfirmAutomationPaused() { }

    [Step("Confirm the pre-update backup",
        Instructions = "From the backup and staging workflow: the migrations change production data.")]
    [Backup("production database")]
    [Check("A backup taken before the update exists")]
    private void ConfirmPreUpdateBackup() { }

    [Step("Run database migrations")]
    [Section("Migrations and reindexing")]
    [Modifies("production database"), RollbackWith(nameof(RollBackTheUpdate))]
    [Check("Migrations finished without errors")]
    private void RunMigrations() { }

    [Step("Reindex Knowledge Base sources")]
    [Modifies("Knowledge Base index"), NoRollback(DerivedData)]
    [Check("Every source decided on above reindexed")]
    private void ReindexKnowledgeBase() { }

    [Step("Rebuild caches and refreshed context")]
    [Modifies("caches", "derived context"), NoRollback(DerivedData)]
    [Check("Caches rebuilt")]
    [Check("Derived context refreshed")]
    private void RebuildCachesAndContext() { }

    [Step("Run read-only verification",
        Purpose = "the refreshed context produces expected results before anything customer-facing restarts")]
    [Section("Post-update verification")]
    [Verifies("production database", "Knowledge Base index", "derived context")]
    [Check("Read-only prompts give expected answers")]
    [Check("Source citation checks pass")]
    [Check("Diagnostics are clean")]
    [Check("Workflow dry runs behave as expected")]
    private void RunReadOnlyVerification() { }

    [Step("Confirm acceptance checks")]
    [Section("Acceptance checks")]
    [Verifies("production database", "Knowledge Base index", "derived context")]
    [Check("Source indexes, cached context and migrated data are current before production workflows resume")]
    [Check("The team knows which modules remain paused if migration or reindex verification fails")]
    [Check("The team knows whether to escalate to hosting, provider support, CodeCanyon support or internal operations")]
    private void ConfirmAcceptanceChecks() { }

    [Step("Restart production workflows",
        Instructions = "Common mistake: restarting agents or automation after an update before confirming migrations, source indexes, caches and citations are current.")]
    [Section("Restart")]
    [Modifies("production workflows"), RollbackWith(nameof(PauseWorkflowsAgain))]
    [Check("Migrations, source indexes, caches and citations confirmed current")]
    [Check("Customer-facing agents restarted")]
    [Check("Storefront panels restarted")]
    [Check("Write-capable automation restarted")]
    private void RestartProductionWorkflows() { }

    [Step("Watch the restarted workflows",
        Instructions = "Use Post-Incident Review and Prevention before returning paused work to normal scope.")]
    [Verifies("production workflows")]
    [Check("Agents answer from current sources, with citations")]
    [Check("No workflow acts on stale context")]
    private void WatchRestartedWorkflows() { }

    [Step("Capture the error report", Optional = true,
        Instructions = "Only when an issue is reported. Use Error Reports and Support Codes before redacting or sharing an error report. Common mistake: retrying or changing settings repeatedly before preserving the exact error report, timestamp and affected screen.")]
    [Section("Support handoff")]
    [Check("Exact timestamp")]
    [Check("Affected user")]
    [Check("Affected screen")]
    [Check("SophMate version")]
    [Check("WordPress version")]
    [Check("PHP version")]
    [Check("Reproduction steps")]
    private void CaptureErrorReport() { }

    [Step("Redact before support handoff", Optional = true,
        Instructions = "Use Contacting Support before opening a support request, and the Support SLA and Escalation Matrix before customer-visible support routing. Common mistake: opening support requests with raw logs or vague descriptions instead of redacted diagnostics and reproduction steps.")]
    [Check("Provider keys redacted")]
    [Check("Credentials redacted")]
    [Check("Payment data redacted")]
    [Check("Private customer details redacted")]
    [Check("Raw logs replaced by redacted diagnostics")]
    [Check("The support report lets another operator reproduce or triage the issue without receiving secrets")]
    private void RedactBeforeHandoff() { }

    [Rollback("Roll back the update",
        Instructions = "Coordinate with Update and Rollback; use the Incident Response Runbook when production behavior is affected. Keep the dependent modules paused, restore the pre-update backup, and escalate when migrations, source reindexing, cache rebuilds or refreshed context fail before production workflows restart.")]
    private void RollBackTheUpdate() { }

    [Rollback("Pause the restarted workflows",
        Instructions = "Pause customer-facing agents, storefront panels and write-capable automation again until the refreshed context produces expected results.")]
    private void PauseWorkflowsAgain() { }
}
