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
    public string AssemblyPath(ParseResult result) => Resolve(result, recorded: null).Assembly;

    /// <summary>
    /// The checklists assembly and the project it was built from (none with --assembly). Without
    /// --project or --assembly, a run's <paramref name="recorded"/> header says where its checklists
    /// came from: its project (built again unless --no-build) or its assembly; else the current folder's project.
    /// </summary>
    public (string Assembly, string? Project) Resolve(ParseResult result, JournalRecord? recorded)
    {
        var assembly = result.GetValue(Assembly);
        if (!string.IsNullOrWhiteSpace(assembly))
            return (Path.GetFullPath(assembly), null);
        var projectOption = result.GetValue(Project);
        if (string.IsNullOrWhiteSpace(projectOption) && recorded is not null)
        {
            if (recorded.Project is { } recordedProject)
                projectOption = recordedProject;
            else if (recorded.Assembly is { } recordedAssembly)
                return File.Exists(recordedAssembly)
                    ? (recordedAssembly, null)
                    : throw new CliException($"The run's checklists assembly {recordedAssembly} is gone. Build it again, or pass --assembly or --project.");
        }
        var project = ProjectBuilder.FindProject(projectOption);
        return (ProjectBuilder.BuildAndLocate(project, result.GetValue(NoBuild), message => Terminal.Error.MarkupLine($"[grey]{Markup.Escape(message)}[/]")), project);
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
