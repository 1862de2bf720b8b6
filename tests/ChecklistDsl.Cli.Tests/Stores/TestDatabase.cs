using System.Diagnostics;
using Npgsql;

namespace ChecklistDsl.Cli.Tests.Stores;

/// <summary>
/// A fresh database per test on the PostgreSQL server named by <see cref="Variable"/> (an admin
/// connection string; <c>.ci/run</c> starts a throwaway cluster and sets it), dropped at the end with
/// the logins the test made. Without the variable the test reports itself skipped, saying why.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    public const string Variable = "CHECKLIST_TEST_POSTGRES";

    private readonly NpgsqlConnectionStringBuilder _admin;
    private readonly List<string> _logins = [];

    private TestDatabase(NpgsqlConnectionStringBuilder admin, string name)
    {
        _admin = admin;
        Name = name;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>The admin login's password (it must never be printed).</summary>
    public string Password => _admin.Password!;

    /// <summary>The admin's connection string to this database, password included.</summary>
    public string ConnectionString => With(_admin.Username!, _admin.Password!);

    /// <summary>The same without the password (which then comes from PGPASSWORD).</summary>
    public string ConnectionStringWithoutPassword => new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString;

    public string Host => _admin.Host!;

    public int Port => _admin.Port;

    public static TestDatabase Create()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
            Assert.Inconclusive($"{Variable} is not set (an admin connection string to a PostgreSQL server): the PostgreSQL store tests need a real server. .ci/run starts one and sets it.");
        var builder = new NpgsqlConnectionStringBuilder(admin) { Pooling = false };
        var name = "checklist_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        return new TestDatabase(builder, name);
    }

    /// <summary>A connection string to this database as <paramref name="user"/>.</summary>
    public string With(string user, string? password) =>
        new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = Name, Username = user, Password = password, Pooling = false }.ConnectionString;

    /// <summary>A new login allowed to use the store's tables (which must exist: migrate first); returns its connection string.</summary>
    public string CreateLogin(string prefix)
    {
        var login = $"{prefix}_{Guid.NewGuid().ToString("N")[..8]}";
        var password = "pw-" + Guid.NewGuid().ToString("N");
        _logins.Add(login);
        Execute($"CREATE ROLE {login} LOGIN PASSWORD '{password}'", inDatabase: false);
        Execute($"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {login}");
        return With(login, password);
    }

    /// <summary>Runs SQL written by the test itself (never user input) as the admin, in this database or the admin's.</summary>
    public void Execute(string sql, bool inDatabase = true)
    {
        using var connection = Open(inDatabase);
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of every row of a query.</summary>
    public List<string?> Column(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(true);
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var values = new List<string?>();
        while (reader.Read())
            values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return values;
    }

    /// <summary>The whole database as <c>pg_dump</c> writes it (schema and data).</summary>
    public string Dump()
    {
        var start = new ProcessStartInfo(PgBinary("pg_dump"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "-h", Host, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", _admin.Username!, "-d", Name, "--inserts" },
        };
        start.Environment["PGPASSWORD"] = Password;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, "pg_dump: " + error.Result);
        return output;
    }

    /// <summary>A PostgreSQL client or server program: $PG_BIN, else the newest /usr/lib/postgresql/*/bin, else the PATH.</summary>
    public static string PgBinary(string name)
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } bin)
            folders.Add(bin);
        if (Directory.Exists("/usr/lib/postgresql"))
            folders.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin")));
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists) ?? name;
    }

    private NpgsqlConnection Open(bool inDatabase)
    {
        var builder = new NpgsqlConnectionStringBuilder(_admin.ConnectionString);
        if (inDatabase)
            builder.Database = Name;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        try
        {
            Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", inDatabase: false);
            foreach (var login in _logins)
                Execute($"DROP ROLE IF EXISTS {login}", inDatabase: false);
        }
        catch (NpgsqlException)
        {
            // A server stopped by the test: the throwaway cluster goes with it.
        }
    }
}
