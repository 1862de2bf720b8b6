using System.Reflection;
using DbUp;
using DbUp.Engine;
using Npgsql;

namespace ChecklistDsl.Cli.Stores.Postgres;

/// <summary>
/// The store's schema: the versioned SQL scripts in Migrations/ (embedded), applied by DbUp, which
/// records each applied script in <see cref="VersionsTable"/>. A database that has applied a script
/// this tool does not know was upgraded by a newer tool: it is refused, never written to.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>DbUp's record of the applied scripts.</summary>
    public const string VersionsTable = "checklist_schema_versions";

    private const string ResourcePrefix = "ChecklistDsl.Cli.Stores.Postgres.Migrations.";

    // Any number: serialises concurrent first uses (20 runs starting at once migrate once).
    private const long MigrationLockKey = 0x636b6c7374_01;

    /// <summary>The scripts this tool knows, in order; their count is the schema version.</summary>
    public static IReadOnlyList<string> Known { get; } = typeof(PostgresSchema).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>What <see cref="Migrate"/> found and did.</summary>
    public sealed record Outcome(int VersionBefore, int VersionAfter);

    /// <summary>
    /// Applies the scripts the database lacks (telling <paramref name="tell"/> first), under a lock that
    /// serialises concurrent callers; refuses a database newer than this tool.
    /// </summary>
    public static Outcome Migrate(NpgsqlConnection session, string connectionString, string location, Action<string>? tell)
    {
        Execute(session, "SELECT pg_advisory_lock(@key)", MigrationLockKey);
        try
        {
            var engine = DeployChanges.To.PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                .JournalToPostgresqlTable("public", VersionsTable)
                .WithTransactionPerScript()
                .LogToNowhere()
                .Build();
            var applied = engine.GetExecutedScripts();
            var unknown = applied.Where(s => !Known.Contains(s)).ToArray();
            if (unknown.Length > 0)
                throw new CliException(
                    $"The run store {location} has a newer schema than this checklist tool knows (it has applied {string.Join(", ", unknown.Select(Short))}; " +
                    $"this tool knows up to version {Known.Count}). Nothing was read or written. Update the checklist tool.");
            var pending = engine.GetScriptsToExecute();
            if (pending.Count == 0)
                return new Outcome(applied.Count, applied.Count);
            tell?.Invoke(applied.Count == 0
                ? $"Creating the run store's tables in {location} (schema version {Known.Count})."
                : $"Upgrading the run store {location} from schema version {applied.Count} to {Known.Count}.");
            var result = engine.PerformUpgrade();
            if (!result.Successful)
                throw new CliException(
                    $"Could not create or upgrade the run store's schema in {location}: {(result.ErrorScript?.Name is { } s ? Short(s) + ": " : "")}{result.Error?.Message} " +
                    "The login needs the right to create tables there (or ask the database's owner to run `checklist store migrate`).");
            return new Outcome(applied.Count, Known.Count);
        }
        finally
        {
            Execute(session, "SELECT pg_advisory_unlock(@key)", MigrationLockKey);
        }
    }

    private static string Short(string script) => script.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? script[ResourcePrefix.Length..] : script;

    private static void Execute(NpgsqlConnection session, string sql, long key)
    {
        using var command = new NpgsqlCommand(sql, session);
        command.Parameters.AddWithValue("key", key);
        command.ExecuteNonQuery();
    }
}
