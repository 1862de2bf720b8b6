using System.Net.Sockets;
using System.Text.Json;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Locking;
using Npgsql;
using NpgsqlTypes;

namespace ChecklistDsl.Cli.Stores.Postgres;

/// <summary>
/// The team store: runs, their records and their locks in a PostgreSQL database (schema: <see cref="PostgresSchema"/>).
/// One session per process: it holds the advisory lock of the run's checklist × target for the run's
/// life, and every record is committed through it, so a run whose session is lost cannot record (nor
/// take) its next action. Every value goes in as a parameter; no SQL is built from text.
/// </summary>
internal sealed class PostgresRunStore : IRunStore
{
    private const string Channel = "checklist_runs";
    private readonly NpgsqlConnection _session;
    private bool _listening;

    private PostgresRunStore(NpgsqlConnection session, string location, StoreIdentity identity)
    {
        _session = session;
        Location = location;
        Identity = identity;
    }

    public string Location { get; }

    /// <summary>The database login (<c>session_user</c>): the server has checked it.</summary>
    public StoreIdentity Identity { get; }

    /// <summary>Connects, creates or upgrades the schema if needed (saying so), and checks who is logged in.</summary>
    public static PostgresRunStore Open(string connectionString, Action<string>? tell)
    {
        var (builder, location) = Parse(connectionString);
        var session = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            Guard(location, () => { session.Open(); return 0; });
            Guard(location, () => PostgresSchema.Migrate(session, builder.ConnectionString, location, tell));
            var user = Guard(location, () =>
            {
                using var command = new NpgsqlCommand("SELECT session_user", session);
                return (string)command.ExecuteScalar()!;
            });
            return new PostgresRunStore(session, location, new StoreIdentity(user, Verified: true));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Applies pending migrations and reports the versions (<c>checklist store migrate</c>).</summary>
    public static PostgresSchema.Outcome Migrate(string connectionString, Action<string>? tell)
    {
        var (builder, location) = Parse(connectionString);
        using var session = new NpgsqlConnection(builder.ConnectionString);
        Guard(location, () => { session.Open(); return 0; });
        return Guard(location, () => PostgresSchema.Migrate(session, builder.ConnectionString, location, tell));
    }

    /// <summary>The connection string checked, its password registered for redaction, and where it points (without the password).</summary>
    public static (NpgsqlConnectionStringBuilder Builder, string Location) Parse(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new CliException($"The run store's connection string is not valid: {StoreSecrets.Redact(e.Message)} " +
                                   "Expected PostgreSQL settings such as \"Host=db.example.com;Database=checklists;Username=alice\" (the password from PGPASSWORD or ~/.pgpass).");
        }
        StoreSecrets.Register(builder.Password);
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new CliException("The run store's connection string names no Host (expected \"Host=...;Database=...;Username=...\").");
        builder.ApplicationName ??= "checklist";
        var location = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "?"}";
        return (builder, location);
    }

    public IRunJournal Start(JournalRecord header)
    {
        var checklist = header.Checklist!;
        var target = header.Target!;
        TakeLock(checklist, target);
        try
        {
            Guard(() =>
            {
                using var transaction = _session.BeginTransaction();
                // Under the lock, so two new runs cannot both see the target free.
                if (Claim(checklist, target) is { } claim)
                    throw new CliException(Claims.Describe(claim), ExitCodes.Locked);
                Execute("""
                    INSERT INTO runs (run_id, checklist, target, title, fingerprint, operator, host, started_at, state, step_count, last_at)
                    VALUES (@id, @checklist, @target, @title, @fingerprint, @operator, @host, @at, @state, @steps, @at)
                    """,
                    ("id", header.RunId!), ("checklist", checklist), ("target", target), ("title", header.Title), ("fingerprint", header.Fingerprint!),
                    ("operator", header.User!), ("host", header.Host!), ("at", header.At), ("state", ChecklistMachine.NotStarted), ("steps", header.Steps!.Count));
                Insert(header);
                Hold(header);
                transaction.Commit();
            });
        }
        catch
        {
            ReleaseLock(checklist, target);
            throw;
        }
        return new PostgresRunJournal(this, header, 1);
    }

    public IRunJournal Continue(JournalRecord header, JournalRecord resumed)
    {
        TakeLock(header.Checklist!, header.Target!);
        try
        {
            var count = Guard(() =>
            {
                using var transaction = _session.BeginTransaction();
                var ended = Scalar<DateTime?>("SELECT ended_at FROM runs WHERE run_id = @id FOR UPDATE", ("id", header.RunId!));
                if (ended is not null)
                    throw new CliException($"Run {header.RunId} has already ended in {Location}. Nothing to resume.");
                Hold(header);
                Insert(resumed with { RunId = header.RunId });
                var n = Scalar<long>("SELECT count(*) FROM run_records WHERE run_id = @id", ("id", header.RunId!));
                transaction.Commit();
                return (int)n;
            });
            return new PostgresRunJournal(this, header, count);
        }
        catch
        {
            ReleaseLock(header.Checklist!, header.Target!);
            throw;
        }
    }

    public StoredRun Read(string run)
    {
        var id = Resolve(run);
        var records = ReadAfter(id, 0);
        if (records.Count == 0 || records[0].Type != RecordTypes.Header)
            throw new CliException($"Run {id} in {Location} has no header record: the store was changed by hand. Nothing was done.");
        if (JournalFormat.Newer(records[0]) is { } newer)
            throw new CliException(JournalFormat.Refusal($"{Location}, run {id}", newer));
        return new StoredRun(id, records, $"{Location}, run {id}");
    }

    /// <summary>
    /// Checks a run's hash chain over its stored lines, as <see cref="JournalChain.Verify(ReadOnlySpan{byte})"/> does a journal file's bytes.
    /// A record without a line (stored before the chain, or added by hand) is checked as its jsonb text, which carries no hash.
    /// </summary>
    public ChainVerdict? VerifyChain(string runId, string location) => VerifyChain(runId);

    /// <inheritdoc cref="VerifyChain(string, string)"/>
    public ChainVerdict VerifyChain(string runId)
    {
        var lines = Guard(() => Strings("SELECT coalesce(line, record::text) FROM run_records WHERE run_id = @id ORDER BY id", ("id", runId)));
        var text = new System.Text.StringBuilder();
        foreach (var line in lines)
            text.Append(line).Append('\n');
        return JournalChain.Verify(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The run id that <paramref name="run"/> (an id or a unique prefix of one) names.</summary>
    public string Resolve(string run)
    {
        return Guard(() =>
        {
            var matches = Strings("SELECT run_id FROM runs WHERE run_id = @run OR starts_with(run_id, @run) ORDER BY run_id LIMIT 20", ("run", run));
            if (matches.Contains(run))
                return run;
            return matches.Count switch
            {
                1 => matches[0],
                0 => throw new CliException($"No run '{run}' in {Location}. `checklist history` lists the runs."),
                _ => throw new CliException($"'{run}' matches several runs: {string.Join(", ", matches)}."),
            };
        });
    }

    public IReadOnlyList<RunListing> Runs() => Guard(() =>
    {
        using var command = Command("""
            SELECT r.run_id, r.checklist, r.target, r.state, r.steps_done, r.step_count, r.operator, r.host, r.started_at, r.last_at, r.ended_at,
                   EXISTS (SELECT 1 FROM run_locks l JOIN pg_stat_activity a ON a.pid = l.backend_pid WHERE l.run_id = r.run_id)
            FROM runs r ORDER BY r.started_at, r.run_id
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<RunListing>();
        while (reader.Read())
        {
            rows.Add(new RunListing(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5),
                reader.GetString(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10), reader.GetBoolean(11), $"{Location}, run {reader.GetString(0)}", null));
        }
        return (IReadOnlyList<RunListing>)rows;
    });

    public void AppendOutside(StoredRun run, JournalRecord record) => Guard(() =>
    {
        using var transaction = _session.BeginTransaction();
        Insert(record with { RunId = run.RunId });
        transaction.Commit();
    });

    public void Decide(StoredRun run, JournalRecord decision) => AppendOutside(run, decision);

    public IReadOnlyList<JournalRecord> ReadAfter(string runId, int known) => Guard(() =>
        (IReadOnlyList<JournalRecord>)Strings("SELECT record::text FROM run_records WHERE run_id = @id ORDER BY id OFFSET @known", ("id", runId), ("known", known))
            .Select(json => JsonSerializer.Deserialize<JournalRecord>(json, JournalJson.Options)
                ?? throw new CliException($"A record of run {runId} in {Location} is not a record: the store was changed by hand."))
            .ToArray());

    /// <summary>Waits for a notification that some run got a record (LISTEN/NOTIFY), at most <paramref name="atMost"/>.</summary>
    public async Task WaitForChangeAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        if (!_listening)
        {
            Guard(() => Execute($"LISTEN {Channel}"));
            _listening = true;
        }
        // Any run's notification wakes us: the caller reads what is new. Bounded, so a lost notification only delays.
        await _session.WaitAsync(atMost, cancellationToken);
    }

    public UnlockResult Unlock(string checklist, string target, bool force) => Guard(() =>
    {
        var owner = Holder(checklist, target);
        if (!TryLock(checklist, target))
            throw new CliException(
                $"The lock of '{checklist}' for target '{target}' is held by a live database session{(owner is null ? "" : $": {owner}")}. " +
                "A PostgreSQL lock ends with its holder's connection; stop that run instead.", ExitCodes.Locked);
        try
        {
            if (owner is null)
                throw new CliException($"There is no lock on '{checklist}' for target '{target}' in {Location}.");
            Execute("DELETE FROM run_locks WHERE checklist = @checklist AND target = @target", ("checklist", checklist), ("target", target));
            return new UnlockResult(owner.ToString(), owner.RunId);
        }
        finally
        {
            ReleaseLock(checklist, target);
        }
    });

    private void TakeLock(string checklist, string target)
    {
        if (!Guard(() => TryLock(checklist, target)))
            throw Busy(checklist, target);
    }

    private CliException Busy(string checklist, string target)
    {
        // The holder writes its name just after taking the lock: give it a moment to commit.
        LockOwner? owner = null;
        for (var i = 0; i < 30 && owner is null; i++)
        {
            owner = Guard(() => Holder(checklist, target));
            if (owner is null)
                Thread.Sleep(100);
        }
        return new CliException(
            $"The checklist '{checklist}' is already running against target '{target}': {owner?.ToString() ?? "by a session that has not said who it is yet"}. " +
            $"Wait for it to end (the lock is held in {Location}).", ExitCodes.Locked);
    }

    private bool TryLock(string checklist, string target) =>
        Scalar<bool>("SELECT pg_try_advisory_lock(hashtextextended(@key, 0))", ("key", LockKey(checklist, target)));

    internal void ReleaseLock(string checklist, string target)
    {
        try
        {
            Scalar<bool>("SELECT pg_advisory_unlock(hashtextextended(@key, 0))", ("key", LockKey(checklist, target)));
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A lost session has released its locks already.
        }
    }

    private static string LockKey(string checklist, string target) => $"checklist-run\n{checklist}\n{target}";

    private LockOwner? Holder(string checklist, string target)
    {
        using var command = Command("SELECT run_id, holder, host, pid, since FROM run_locks WHERE checklist = @checklist AND target = @target",
            ("checklist", checklist), ("target", target));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new LockOwner(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetFieldValue<DateTimeOffset>(4))
            : null;
    }

    private RunListing? Claim(string checklist, string target)
    {
        using var command = Command("""
            SELECT run_id, state, steps_done, step_count, operator, host, started_at, last_at FROM runs
            WHERE checklist = @checklist AND target = @target AND ended_at IS NULL ORDER BY started_at LIMIT 1
            """, ("checklist", checklist), ("target", target));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new RunListing(reader.GetString(0), checklist, target, reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7), null, false, Location, null)
            : null;
    }

    private void Hold(JournalRecord header) =>
        Execute("""
            INSERT INTO run_locks (checklist, target, run_id, holder, host, pid, backend_pid, since)
            VALUES (@checklist, @target, @id, session_user, @host, @pid, pg_backend_pid(), now())
            ON CONFLICT (checklist, target) DO UPDATE SET run_id = excluded.run_id, holder = excluded.holder, host = excluded.host,
                pid = excluded.pid, backend_pid = excluded.backend_pid, since = excluded.since
            """, ("checklist", header.Checklist!), ("target", header.Target!), ("id", header.RunId!), ("host", Environment.MachineName), ("pid", Environment.ProcessId));

    /// <summary>Inserts a record and keeps the run's row up to date, in the caller's transaction; wakes the listeners on commit.</summary>
    internal void Insert(JournalRecord record, IReadOnlySet<string>? steps = null)
    {
        var runId = record.RunId ?? throw new InvalidOperationException("A stored record names its run.");
        var stored = record with { RunId = record.Type == RecordTypes.Header ? runId : null, Prev = null };
        // The run's row locked first: two writers of one run (a run and an outside decision) cannot both chain to the same last record.
        Execute("SELECT 1 FROM runs WHERE run_id = @id FOR UPDATE", ("id", runId));
        var prev = record.Type == RecordTypes.Header
            ? JournalChain.Start(runId, record.Fingerprint!)
            : Strings("SELECT coalesce(line, '') FROM run_records WHERE run_id = @id ORDER BY id DESC LIMIT 1", ("id", runId))
                .Select(JournalChain.HashOf).FirstOrDefault();
        // A run stored before records were chained (no line) stays unchained, as an older journal file does.
        string? line = null;
        var body = JsonSerializer.Serialize(stored, JournalJson.Options);
        if (prev is not null)
            (line, _) = JournalChain.Seal(JsonSerializer.Serialize(stored with { Prev = prev }, JournalJson.Options));
        Execute("INSERT INTO run_records (run_id, at, type, record, line) VALUES (@id, @at, @type, @record, @line)",
            ("id", runId), ("at", record.At), ("type", record.Type), ("record", new Json(line ?? body)), ("line", line));
        if (record.Type == RecordTypes.Transition)
        {
            var done = steps is not null && steps.Contains(record.Source!) && record.Trigger is nameof(ChecklistTrigger.Complete) or nameof(ChecklistTrigger.Approve) or nameof(ChecklistTrigger.Skip);
            Execute("""
                UPDATE runs SET state = @state, last_at = @at, steps_done = steps_done + @done,
                    ended_at = CASE WHEN @end THEN @at ELSE NULL END
                WHERE run_id = @id
                """, ("state", record.Destination!), ("at", record.At), ("done", done ? 1 : 0), ("end", RunStates.IsEnd(record.Destination!)), ("id", runId));
        }
        else if (record.Type == RecordTypes.Abandoned)
        {
            Execute("UPDATE runs SET state = @state, last_at = @at, ended_at = @at WHERE run_id = @id", ("state", RunStates.Abandoned), ("at", record.At), ("id", runId));
        }
        else
        {
            Execute("UPDATE runs SET last_at = @at WHERE run_id = @id", ("at", record.At), ("id", runId));
        }
        Execute("SELECT pg_notify(@channel, @id)", ("channel", Channel), ("id", runId));
    }

    internal NpgsqlConnection Session => _session;

    private NpgsqlCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, _session);
        foreach (var (name, value) in parameters)
        {
            var parameter = value switch
            {
                Json json => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Text },
                DateTimeOffset at => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = at.ToUniversalTime() },
                null => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value },
                _ => new NpgsqlParameter(name, value),
            };
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    private T Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default! : (T)value;
    }

    private List<string> Strings(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }

    private sealed record Json(string Text);

    private void Guard(Action action) => Guard(Location, () =>
    {
        action();
        return 0;
    });

    private T Guard<T>(Func<T> action) => Guard(Location, action);

    /// <summary>Turns the driver's errors into a message and exit code 3: the server, the login, the schema.</summary>
    internal static T Guard<T>(string location, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (PostgresException e)
        {
            throw new CliException(StoreSecrets.Redact(Explain(location, e)));
        }
        catch (NpgsqlException e)
        {
            var cause = e.InnerException is SocketException or IOException or TimeoutException ? e.InnerException.Message : e.Message;
            throw new CliException(StoreSecrets.Redact(
                $"Cannot reach the run store {location}: {cause}. Nothing was done. Check the host and port, and that the server is running."));
        }
        catch (InvalidOperationException e) when (e.Source?.StartsWith("Npgsql", StringComparison.Ordinal) == true)
        {
            throw new CliException(StoreSecrets.Redact($"The connection to the run store {location} is unusable: {e.Message}. Nothing more was done."));
        }
    }

    internal static string Explain(string location, PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
            $"The run store {location} refused the login: {e.MessageText}. Check the user name and the password (PGPASSWORD or ~/.pgpass). Nothing was done.",
        PostgresErrorCodes.InvalidCatalogName =>
            $"The run store {location} does not exist: {e.MessageText}. Create the database first (createdb), then run `checklist store migrate`.",
        PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn =>
            $"The run store {location} lacks part of its schema ({e.MessageText}) although its version says it is there: the tables were changed by hand. " +
            "Nothing was done. Restore the database from a backup.",
        PostgresErrorCodes.InsufficientPrivilege =>
            $"The login may not use the run store {location}: {e.MessageText}. Grant it the rights on the store's tables. Nothing was done.",
        _ => $"The run store {location} failed: {e.SqlState}: {e.MessageText}. Nothing was done.",
    };

    public void Dispose() => _session.Dispose();
}

/// <summary>A run's journal in the database; disposing it releases the run's lock.</summary>
internal sealed class PostgresRunJournal(PostgresRunStore store, JournalRecord header, int count) : IRunJournal
{
    private readonly IReadOnlySet<string> _steps = header.Steps!.Select(s => s.Name).ToHashSet();
    private bool _lost;

    public string Location => $"{store.Location}, run {header.RunId}";

    public int Count { get; private set; } = count;

    public IReadOnlyList<JournalRecord> TakeOutside()
    {
        try
        {
            var records = store.ReadAfter(header.RunId!, Count);
            Count += records.Count;
            return records;
        }
        catch (CliException e)
        {
            throw new RecordNotWrittenException(e.Message, "the database can be reached again", e);
        }
    }

    public async Task WaitForOutsideAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        try
        {
            await store.WaitForChangeAsync(atMost, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or CliException)
        {
            throw new RecordNotWrittenException(StoreSecrets.Redact($"lost the connection to the run store {store.Location} ({e.Message})"), "the database can be reached again", e);
        }
    }

    public void Append(JournalRecord record)
    {
        try
        {
            using var transaction = store.Session.BeginTransaction();
            store.Insert(record with { RunId = header.RunId }, _steps);
            transaction.Commit();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
            // The session held the run's lock: without it, no further action may be taken.
            _lost = true;
            var why = e is PostgresException p ? PostgresRunStore.Explain(store.Location, p) : $"lost the connection to the run store {store.Location} ({e.Message})";
            throw new RecordNotWrittenException(StoreSecrets.Redact($"Could not record the run's next step: {why}"), "the database can be reached again", e);
        }
        Count++;
    }

    public void Dispose()
    {
        if (_lost)
            return;
        try
        {
            using var command = new NpgsqlCommand("DELETE FROM run_locks WHERE checklist = @checklist AND target = @target AND run_id = @id", store.Session);
            command.Parameters.AddWithValue("checklist", header.Checklist!);
            command.Parameters.AddWithValue("target", header.Target!);
            command.Parameters.AddWithValue("id", header.RunId!);
            command.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The row names a session that is gone: status shows the run as not running.
        }
        store.ReleaseLock(header.Checklist!, header.Target!);
    }
}
