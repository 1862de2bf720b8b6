using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using ChecklistDsl.Cli.Publishing;

namespace ChecklistDsl.Cli.Commands;

/// <summary><c>checklist publish --wiki URL</c>: the runbooks as pages of a wiki's git repository.</summary>
internal static class PublishCommand
{
    /// <summary>
    /// The <c>publish</c> verb. <paramref name="resolveAssembly"/> works as for
    /// <see cref="ExportCommand.Create"/>: the built checklists assembly, or <see langword="null"/>
    /// after writing why not; without it the verb takes its own <c>--assembly</c> option.
    /// </summary>
    public static Command Create(Func<ParseResult, TextWriter, string?>? resolveAssembly = null)
    {
        var wiki = new Option<string>("--wiki") { Description = "The wiki's git repository: a URL or a path", Required = true };
        var flavor = new Option<string>("--flavor") { Description = "The wiki's conventions: github (Home.md, _Sidebar.md) or azure-devops (.order)", DefaultValueFactory = _ => "github" };
        flavor.AcceptOnlyFromAmong("github", "azure-devops");
        var cloneDirectory = new Option<string?>("--clone-dir") { Description = "Where to keep the wiki's clone (default: .checklist/wiki/ in the current folder)" };
        var command = new Command("publish", "Publish every runbook to a wiki's git repository: one page each, a home page and a sidebar; commit and push");
        command.Options.Add(wiki);
        command.Options.Add(flavor);
        command.Options.Add(cloneDirectory);
        resolveAssembly ??= ExportCommand.AddAssemblyOption(command);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var assembly = resolveAssembly(parse, error);
            if (assembly is null)
                return ExitCodes.UsageError;
            var flavorName = parse.GetValue(flavor) == "azure-devops" ? WikiFlavorName.AzureDevOps : WikiFlavorName.GitHub;
            return Run(assembly, parse.GetValue(wiki)!, flavorName, parse.GetValue(cloneDirectory), parse.InvocationConfiguration.Output, error);
        });
        return command;
    }

    /// <summary>Publishes the runbooks of <paramref name="assemblyPath"/>; returns the exit code (<see cref="ExitCodes.UsageError"/> for bad input: nothing written or published).</summary>
    public static int Run(string assemblyPath, string wikiUrl, WikiFlavorName flavor, string? cloneDirectory, TextWriter output, TextWriter error)
    {
        var runbooks = RunbookAssembly.Read(assemblyPath, error);
        if (runbooks is null)
            return ExitCodes.UsageError;
        var clone = cloneDirectory ?? DefaultCloneDirectory(wikiUrl);
        WikiPublishResult result;
        try
        {
            result = new WikiPublisher(WikiFlavor.For(flavor)).Publish(runbooks, wikiUrl, clone);
        }
        catch (WikiPublishException e)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the wiki clone at '{clone}': {e.Message}");
            return ExitCodes.UsageError;
        }
        if (result.Commit is not { } commit)
        {
            output.WriteLine($"Nothing to publish: the wiki already has these {runbooks.Count} runbooks.");
            return ExitCodes.Completed;
        }
        output.WriteLine($"Published to {wikiUrl} (commit {commit[..Math.Min(12, commit.Length)]}): " +
            WikiPublisher.CommitMessage(result.Added, result.Updated, result.Removed));
        return ExitCodes.Completed;
    }

    // One clone per wiki, under the current folder's .checklist/ (the CLI's local state).
    private static string DefaultCloneDirectory(string wikiUrl)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wikiUrl)))[..12];
        return Path.Combine(Directory.GetCurrentDirectory(), ".checklist", "wiki", hash);
    }
}
