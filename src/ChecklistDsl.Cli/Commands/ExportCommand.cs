using System.CommandLine;
using ChecklistDsl.Cli.Export;

namespace ChecklistDsl.Cli.Commands;

/// <summary><c>checklist export --html DIR</c>: every runbook as a standalone HTML page, plus an index.</summary>
internal static class ExportCommand
{
    /// <summary>
    /// The <c>export</c> verb. <paramref name="resolveAssembly"/> turns the parsed command line into
    /// the built checklists assembly (building the project first), or returns <see langword="null"/>
    /// after writing the reason (such as the compiler's diagnostics) to the error writer; without
    /// it the verb takes the assembly from its own <c>--assembly</c> option.
    /// </summary>
    public static Command Create(Func<ParseResult, TextWriter, string?>? resolveAssembly = null)
    {
        var html = new Option<string>("--html") { Description = "Folder to write the HTML pages to", Required = true };
        var mermaid = new Option<string?>("--mermaid") { Description = $"Path of mermaid.min.js (default: ${MermaidScript.EnvironmentVariable}, else the copy shipped with the tool)" };
        var command = new Command("export", "Render every runbook to a standalone HTML page, with its diagram drawn by a local copy of mermaid.js");
        command.Options.Add(html);
        command.Options.Add(mermaid);
        resolveAssembly ??= AddAssemblyOption(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var assembly = resolveAssembly(parse, error);
            return assembly is null ? ExitCodes.UsageError : Run(assembly, parse.GetValue(html)!, parse.GetValue(mermaid), output, error);
        });
        return command;
    }

    /// <summary>Exports the runbooks of <paramref name="assemblyPath"/>; returns the exit code (<see cref="ExitCodes.UsageError"/> for bad input: nothing written or published).</summary>
    public static int Run(string assemblyPath, string htmlDirectory, string? mermaidPath, TextWriter output, TextWriter error)
    {
        var script = MermaidScript.Find(mermaidPath);
        if (script is null)
        {
            error.WriteLine("error: " + MermaidScript.NotFoundMessage(mermaidPath));
            return ExitCodes.UsageError;
        }
        var runbooks = RunbookAssembly.Read(assemblyPath, error);
        if (runbooks is null)
            return ExitCodes.UsageError;
        try
        {
            HtmlExporter.Export(runbooks, htmlDirectory, script);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write to '{htmlDirectory}': {e.Message}");
            return ExitCodes.UsageError;
        }
        output.WriteLine($"Exported {runbooks.Count} {(runbooks.Count == 1 ? "runbook" : "runbooks")} to {Path.GetFullPath(htmlDirectory)}; open {HtmlExporter.IndexFileName} there.");
        return ExitCodes.Completed;
    }

    /// <summary>Until the shared --project/--assembly options are wired: a plain --assembly option.</summary>
    internal static Func<ParseResult, TextWriter, string?> AddAssemblyOption(Command command)
    {
        var assembly = new Option<string>("--assembly") { Description = "The built checklists assembly", Required = true };
        command.Options.Add(assembly);
        return (parse, _) => parse.GetValue(assembly);
    }
}
