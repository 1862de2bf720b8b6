using System.CommandLine;
using ChecklistDsl.Cli.Stores;
using ChecklistDsl.Cli.Stores.Postgres;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary><c>checklist store migrate</c>: creates or upgrades the PostgreSQL run store's schema.</summary>
internal static class StoreCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Create the run store's tables, or upgrade them to this tool's schema version.");
        var storeOptions = new StoreOptions();
        migrate.Options.Add(storeOptions.Store);
        migrate.SetAction(result =>
        {
            var (setting, from) = StoreOptions.Resolve(result.GetValue(storeOptions.Store), null);
            if (setting is null)
                throw new CliException($"No PostgreSQL store is set ({(from == "default" ? $"pass --store, set ${StoreOptions.EnvironmentVariable} or a \"store\" entry in {StoreOptions.ConfigFileName}" : $"{from} says \"file\"")}); the file store needs no schema.");
            var outcome = PostgresRunStore.Migrate(setting, message => Terminal.Out.MarkupLine(Markup.Escape(message)));
            Terminal.Out.MarkupLine(outcome.VersionBefore == outcome.VersionAfter
                ? $"The run store is up to date (schema version {outcome.VersionAfter})."
                : $"The run store is at schema version {outcome.VersionAfter} (was {outcome.VersionBefore}).");
            return ExitCodes.Completed;
        });
        return new Command("store", "Manage the team run store (PostgreSQL).") { migrate };
    }
}
