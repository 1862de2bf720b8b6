using System.Text.RegularExpressions;
using ChecklistDsl.Runbooks.Tests.Infrastructure;

namespace ChecklistDsl.Runbooks.Tests;

/// <summary>The seed checklists keep the promises the issue makes about them.</summary>
[TestClass]
public sealed class SeedChecklistTests
{
    private static ChecklistDefinition Definition(string name) => Repository.Definitions.Single(d => d.Name == name);

    [TestMethod]
    public void There_is_one_checklist_per_seed_document()
    {
        CollectionAssert.AreEquivalent(
            new[] { "PluginSyncFixDeployment", "DeploySafelyToProduction", "JoinFlowUpgradeRelease", "ProductionToStagingSync", "MigrationAndReindexReview" },
            Repository.Definitions.Select(d => d.Name).ToArray());
    }

    [TestMethod]
    public void The_sync_pipeline_backs_up_staging_before_it_overwrites_files_or_drops_the_database()
    {
        var sync = Definition("ProductionToStagingSync");
        var drop = sync.Steps.Single(s => s.Destroys.Contains("staging database"));

        StringAssert.Contains(drop.Title, "Drop the staging database");
        foreach (var destroying in sync.Steps.Where(s => s.Destroys.Count > 0))
        {
            foreach (var resource in destroying.Destroys)
            {
                Assert.IsTrue(sync.Steps.Take(destroying.Index).Any(s => s.Backup?.Resources.Contains(resource) == true),
                    $"{destroying.Title} destroys {resource} with no backup before it");
            }
            Assert.IsNotNull(destroying.RollbackName, $"{destroying.Title} can be rolled back from the backup");
        }
        CollectionAssert.AreEqual(
            new[] { "Stage 1", "Stage 2", "Stage 3", "Stage 4", "Stage 5", "Stage 6" },
            sync.Steps.Where(s => s.Title.StartsWith("Stage", StringComparison.Ordinal)).Select(s => s.Title[..7]).ToArray());
    }

    [TestMethod]
    public void The_upgrade_dispatcher_becomes_the_release_runbook_of_its_test_plan()
    {
        var release = Definition("JoinFlowUpgradeRelease");

        Assert.IsTrue(release.IsProduction);
        Assert.HasCount(9, release.Steps[0].Checks, "the nine new UpgradeTest tests");
        StringAssert.Contains(release.Steps[0].Commands.Single(), "phpunit --filter UpgradeTest --testdox");
        Assert.HasCount(6, release.Steps.Single(s => s.Title == "Bump the version").Checks, "the six version-touching locations");
        StringAssert.Contains(release.Steps[^1].Commands.Single(), "Running join-flow upgrade from");
        Assert.IsTrue(release.Steps[^1].Verifies.Count > 0, "the release ends verifying production");
    }

    [TestMethod]
    public void The_seeds_shell_commands_are_commands_with_placeholders_for_sites_and_urls()
    {
        var commands = Repository.Definitions
            .SelectMany(d => d.Steps.SelectMany(s => s.Commands).Concat(d.Rollbacks.SelectMany(r => r.Commands)))
            .ToList();

        foreach (var command in new[] { "wp db export", "pg_dump", "tar -czf", "rsync", "wp search-replace" })
            Assert.IsTrue(commands.Any(c => c.Contains(command, StringComparison.Ordinal)), command);
        foreach (var definition in Repository.Definitions)
        {
            var names = definition.Inputs.Select(i => i.Name).ToHashSet();
            foreach (var command in definition.Steps.SelectMany(s => s.Commands).Concat(definition.Rollbacks.SelectMany(r => r.Commands)))
            {
                foreach (Match placeholder in Regex.Matches(command, @"\{(\w+)\}"))
                    Assert.Contains(placeholder.Groups[1].Value, names, $"{definition.Name}: {command}");
            }
        }
    }

    [TestMethod]
    public void Credentials_are_secrets_that_reach_commands_only_as_placeholders()
    {
        var secrets = Repository.Definitions.SelectMany(d => d.Inputs.Where(i => i.IsSecret).Select(i => (d, i))).ToList();

        Assert.IsNotEmpty(secrets);
        foreach (var (definition, secret) in secrets)
        {
            StringAssert.Contains(secret.Description, "Password");
            Assert.IsTrue(definition.Steps.SelectMany(s => s.Commands).Any(c => c.Contains("{" + secret.Name + "}", StringComparison.Ordinal)),
                $"{definition.Name}.{secret.Name} is used by a command");
        }
    }

    [TestMethod]
    public void Every_production_seed_gates_its_first_change_behind_an_approval_and_verifies_after_its_last()
    {
        foreach (var definition in Repository.Definitions.Where(d => d.IsProduction))
        {
            var firstChange = definition.Steps.First(s => s.IsChange);
            var lastChange = definition.Steps.Last(s => s.IsChange);
            Assert.IsTrue(definition.Steps.Take(firstChange.Index).Any(s => s.IsApproval), $"{definition.Name}: approval before {firstChange.Title}");
            Assert.IsTrue(definition.Steps.Skip(lastChange.Index + 1).Any(s => s.Verifies.Count > 0), $"{definition.Name}: verification after {lastChange.Title}");
            Assert.IsTrue(definition.Steps.Where(s => s.IsChange).All(s => s.RollbackName is not null || s.NoRollbackReason is not null),
                $"{definition.Name}: every change has a rollback or a reason for none");
        }
    }
}
