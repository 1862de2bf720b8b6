using Spectre.Console;
using System.CommandLine;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Loading;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// Where the checklists come from, shared by every verb that reads them: <c>--project</c> (built
/// first; default the current folder), <c>--assembly</c>, <c>--no-build</c>. Create one per command
/// (<c>new ChecklistSourceOptions().AddTo(command)</c>) and call <see cref="Load"/> in its action.
/// </summary>
internal sealed class ChecklistSourceOptions
{
    public Option<string?> Project { get; } = new("--project", "-p")
    {
        Description = "The checklists project (.csproj or its folder); it is built first. Default: the current folder.",
    };

    public Option<string?> Assembly { get; } = new("--assembly", "-a")
    {
        Description = "A built checklists assembly (.dll), instead of a project.",
    };

    public Option<bool> NoBuild { get; } = new("--no-build")
    {
        Description = "Use the project's last build instead of building it.",
    };

    /// <summary>Adds the options, and the rule that --project and --assembly exclude each other.</summary>
    public ChecklistSourceOptions AddTo(Command command)
    {
        command.Options.Add(Project);
        command.Options.Add(Assembly);
        command.Options.Add(NoBuild);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Project) is not null && result.GetResult(Assembly) is not null)
                result.AddError("Pass either --project or --assembly, not both.");
        });
        return this;
    }

    /// <summary>Builds the project if needed and loads its checklists; dispose the result to unload them.</summary>
    public LoadedChecklists Load(ParseResult result) => LoadedChecklists.Load(AssemblyPath(result));

    /// <summary>The checklists assembly: --assembly, or the project's build output (built first unless --no-build).</summary>
    public string AssemblyPath(ParseResult result)
    {
        var assembly = result.GetValue(Assembly);
        if (!string.IsNullOrWhiteSpace(assembly))
            return Path.GetFullPath(assembly);
        var project = ProjectBuilder.FindProject(result.GetValue(Project));
        return ProjectBuilder.BuildAndLocate(project, result.GetValue(NoBuild), message => Terminal.Error.MarkupLine($"[grey]{Markup.Escape(message)}[/]"));
    }

    /// <summary>
    /// A verb whose <c>Create</c> takes an assembly resolver (export, publish), given these options:
    /// <c>ChecklistSourceOptions.With(ExportCommand.Create)</c>.
    /// </summary>
    public static Command With(Func<Func<ParseResult, TextWriter, string?>, Command> create)
    {
        var source = new ChecklistSourceOptions();
        var command = create((result, _) => source.AssemblyPath(result));
        source.AddTo(command);
        return command;
    }
}

/// <summary>Options several verbs share, one definition each.</summary>
internal static class CommonOptions
{
    /// <summary>The checklist's name: its class name (or full name, or runbook name).</summary>
    public static Argument<string> ChecklistName() => new("NAME") { Description = "The checklist: its class name, full name or runbook name." };

    /// <summary><c>--state-dir</c>: where journals and locks live.</summary>
    public static Option<string?> StateDir() => new("--state-dir")
    {
        Description = "Where runs keep their journals and locks. Default: .checklist under the current folder.",
    };

    /// <summary><c>--target</c>: what a run acts on; one run per checklist and target at a time.</summary>
    public static Option<string> Target() => new("--target", "-t")
    {
        Description = "The target the run acts on (one run per checklist and target at a time).",
        DefaultValueFactory = _ => "default",
    };

    /// <summary><c>--json</c>: machine-readable output.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Write JSON instead of a table." };

    /// <summary>Reads <c>Key=value</c> pairs (for <c>--input</c> and <c>--approve</c>); a usage error on a malformed one.</summary>
    public static IReadOnlyDictionary<string, string> Pairs(IEnumerable<string>? values, string option)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values ?? [])
        {
            var equals = value.IndexOf('=');
            if (equals <= 0)
                throw new CliException($"{option} takes Name=value, not '{value}'.");
            pairs[value[..equals].Trim()] = value[(equals + 1)..];
        }
        return pairs;
    }

    public static StateDirectory State(ParseResult result, Option<string?> stateDir) => StateDirectory.At(result.GetValue(stateDir));
}
