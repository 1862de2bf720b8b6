using Spectre.Console;
using System.CommandLine;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Running;

namespace ChecklistDsl.Cli.Commands;

/// <summary><c>checklist run NAME</c>: walks a checklist step by step, with a journal and a lock.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var name = CommonOptions.ChecklistName();
        var target = CommonOptions.Target();
        var inputs = new Option<string[]>("--input", "-i") { Description = "An input value: Name=value. Repeatable. Secrets come from their environment variable or a prompt." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show every step and command as it would run; run nothing, record nothing." };
        var command = new Command("run", "Run a checklist step by step, with a crash-safe journal.") { name, target, inputs, dryRun };
        var source = new ChecklistSourceOptions().AddTo(command);
        var runOptions = new RunOptions().AddTo(command);

        command.SetAction(async (result, cancellationToken) =>
        {
            using var loaded = source.Load(result);
            var checklist = loaded.Find(result.GetValue(name)!);
            var given = CommonOptions.Pairs(result.GetValue(inputs), "--input");
            var console = Terminal.Out;

            if (result.GetValue(dryRun))
            {
                DryRun.Show(console, checklist, RunInputs.Resolve(checklist, given, ask: null, allowMissing: true));
                return ExitCodes.Completed;
            }

            var settings = runOptions.Settings(result, checklist);
            var values = RunInputs.Resolve(checklist, given, RunSession.Prompter(console, settings.Interactive));
            var stateDirectory = CommonOptions.State(result, runOptions.StateDir);
            var now = DateTimeOffset.UtcNow;
            var header = new JournalRecord
            {
                Type = RecordTypes.Header,
                At = now,
                Version = 1,
                RunId = StateDirectory.NewRunId(checklist.Name, now),
                Checklist = checklist.Name,
                Title = checklist.Title,
                Fingerprint = checklist.Fingerprint,
                Steps = checklist.Steps.Select(s => new StepFingerprint(s.Name, s.Fingerprint)).ToArray(),
                Target = result.GetValue(target),
                User = Environment.UserName,
                Host = Environment.MachineName,
                Pid = Environment.ProcessId,
                Inputs = values.Values,
                SourceRevision = Reporting.SourceRevision.Read(loaded.AssemblyPath),
            };
            foreach (var unfinished in stateDirectory.Journals().Select(RunSummary.Read)
                         .Where(r => r.Problem is null && !r.IsFinished && r.Checklist == checklist.Name && r.Target == header.Target))
            {
                console.MarkupLine($"[yellow]Note:[/] run {unfinished.RunId} of this checklist and target stopped at '{Markup.Escape(unfinished.State)}' unfinished; `checklist resume {unfinished.RunId}` would continue it.");
            }
            var environment = checklist.Environment is null ? "" : checklist.IsProduction ? $" [bold red]{Markup.Escape(checklist.Environment.ToUpperInvariant())}[/]" : $" ({Markup.Escape(checklist.Environment)})";
            console.MarkupLine($"[bold]{Markup.Escape(checklist.Title)}[/]{environment} — run {header.RunId} against target '{Markup.Escape(header.Target!)}'");
            return await RunSession.ExecuteAsync(
                stateDirectory,
                new RunState(checklist, header),
                () => JournalWriter.Create(stateDirectory.JournalPath(header.RunId!), header),
                values,
                settings,
                console,
                cancellationToken);
        });
        return command;
    }
}
