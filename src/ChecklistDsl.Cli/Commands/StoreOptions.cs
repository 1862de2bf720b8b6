using System.CommandLine;
using System.Text.Json;
using ChecklistDsl.Cli.Stores;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores.File;
using ChecklistDsl.Cli.Stores.Postgres;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// The verbs' <c>--store</c> option, and which run store a verb uses: <c>--store</c>, else <c>$CHECKLIST_STORE</c>, else the <c>store</c> entry of
/// <c>checklist.json</c> in the project folder, else the file store under <c>--state-dir</c> (default
/// <c>.checklist/</c>). A store setting is a PostgreSQL connection string, or <c>file</c>.
/// </summary>
internal sealed class StoreOptions
{
    /// <summary>The environment variable that points every <c>checklist</c> of a shell at a store.</summary>
    public const string EnvironmentVariable = "CHECKLIST_STORE";

    /// <summary>The config file in the project folder, with a <c>store</c> entry.</summary>
    public const string ConfigFileName = "checklist.json";

    public Option<string?> Store { get; } = new("--store")
    {
        Description = $"Where runs are kept: a PostgreSQL connection string (\"Host=...;Database=...;Username=...\"; the password from PGPASSWORD or ~/.pgpass), " +
                      $"or \"file\". Default: ${EnvironmentVariable}, else the \"store\" entry of {ConfigFileName} in the project folder, else the file store (.checklist/).",
    };

    public Option<string?> StateDir { get; }

    /// <param name="stateDir">The verb's <c>--state-dir</c> option, if it has one already (run, resume); else one is made.</param>
    public StoreOptions(Option<string?>? stateDir = null) => StateDir = stateDir ?? CommonOptions.StateDir();

    /// <summary>Adds <c>--store</c> (and <c>--state-dir</c> unless the verb has it).</summary>
    public StoreOptions AddTo(Command command)
    {
        command.Options.Add(Store);
        if (!command.Options.Contains(StateDir))
            command.Options.Add(StateDir);
        return this;
    }

    /// <summary>The store setting and where it came from; <see langword="null"/> setting: the file store.</summary>
    public static (string? Setting, string From) Resolve(string? option, string? projectFolder)
    {
        if (!string.IsNullOrWhiteSpace(option))
            return (Normalise(option), "--store");
        var variable = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(variable))
            return (Normalise(variable), EnvironmentVariable);
        var config = Path.Combine(projectFolder ?? Environment.CurrentDirectory, ConfigFileName);
        if (System.IO.File.Exists(config))
            return (Normalise(ReadConfig(config)), config);
        return (null, "default");
    }

    private static string? Normalise(string? setting) =>
        setting is null || string.Equals(setting.Trim(), "file", StringComparison.OrdinalIgnoreCase) ? null : setting;

    private static string? ReadConfig(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new CliException($"{path} must hold a JSON object, such as {{ \"store\": \"Host=db;Database=checklists;Username=alice\" }}.");
            if (!document.RootElement.TryGetProperty("store", out var store))
                return null;
            return store.ValueKind == JsonValueKind.String
                ? store.GetString()
                : throw new CliException($"The \"store\" entry of {path} must be a string: a PostgreSQL connection string, or \"file\".");
        }
        catch (JsonException e)
        {
            throw new CliException($"{path} is not valid JSON: {e.Message}");
        }
        catch (IOException e)
        {
            throw new CliException($"Cannot read {path}: {e.Message}");
        }
    }

    /// <summary>Opens the chosen store; a PostgreSQL store is created or upgraded on first use, saying so on standard error.</summary>
    public IRunStore Open(ParseResult result, string? projectFolder = null)
    {
        var (setting, _) = Resolve(result.GetValue(Store), ProjectFolder(projectFolder));
        if (setting is null)
            return new FileRunStore(StateDirectory.At(result.GetValue(StateDir)));
        if (!string.IsNullOrWhiteSpace(result.GetValue(StateDir)))
            throw new CliException("--state-dir is for the file store; the runs are in the PostgreSQL store given by --store, $CHECKLIST_STORE or checklist.json. Pass --store file to use the folder.");
        return PostgresRunStore.Open(setting, message => Terminal.Error.MarkupLine($"[grey]{Markup.Escape(message)}[/]"));
    }

    /// <summary>Whether the file store is the one chosen (no --store, $CHECKLIST_STORE or checklist.json names another).</summary>
    public bool IsFileStore(ParseResult result, string? projectFolder = null) =>
        Resolve(result.GetValue(Store), ProjectFolder(projectFolder)).Item1 is null;

    /// <summary>
    /// Opens the store that holds <paramref name="run"/>: for the file store without <c>--state-dir</c>,
    /// the state folder the run is in, found from any folder (./.checklist, else the per-user run
    /// index), so that a printed hint works as printed.
    /// </summary>
    public IRunStore OpenFor(ParseResult result, string run, string? projectFolder = null)
    {
        var (setting, _) = Resolve(result.GetValue(Store), ProjectFolder(projectFolder));
        if (setting is not null || !string.IsNullOrWhiteSpace(result.GetValue(StateDir)))
            return Open(result, projectFolder);
        try
        {
            return new FileRunStore(StateDirectory.Locate(run, null).State);
        }
        catch (CliException)
        {
            // Not found anywhere: the default folder's store says so with its own message.
            return Open(result, projectFolder);
        }
    }

    /// <summary>The folder of <c>--project</c> (a .csproj's folder), or the current folder.</summary>
    public static string? ProjectFolder(string? project)
    {
        if (string.IsNullOrWhiteSpace(project))
            return null;
        var full = Path.GetFullPath(project);
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full);
    }
}
