using System.CommandLine;
using System.Text.Json;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores;
using ChecklistDsl.Cli.Stores.File;
using ChecklistDsl.Cli.Stores.Postgres;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// <c>checklist verify RUN</c>: checks the journal's hash chain. Prints "intact (N records)" and the
/// last record's hash, or names the first record that does not fit and exits with
/// <see cref="ExitCodes.NotIntact"/>. An older journal without a chain is "unchained (older format)", not broken.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("RUN") { Description = "The run id (or a unique prefix of it, or the journal's path); `checklist status` lists them." };
        var expectHead = new Option<string?>("--head") { Description = "The last record's hash as noted earlier (verify prints it; the report shows it): also detects records removed from the end." };
        var json = CommonOptions.Json();
        var command = new Command("verify", "Check that a run's journal was not altered since it was written (its hash chain).") { run, expectHead, json };
        var storeOptions = new StoreOptions().AddTo(command);
        command.SetAction(result =>
        {
            using var store = storeOptions.OpenFor(result, result.GetValue(run)!);
            var (path, name, verdict) = Chain(store, result.GetValue(run)!);
            if (result.GetValue(expectHead) is { } head)
                verdict = HeldToNotedHead(verdict, head.Trim());
            if (result.GetValue(json))
                WriteJson(path, verdict);
            else
                WriteText(path, name, verdict);
            return verdict.Status is ChainStatus.Intact or ChainStatus.Unchained ? ExitCodes.Completed : ExitCodes.NotIntact;
        });
        return command;
    }

    /// <summary>The chain is over the bytes of a journal file, or over the lines the team store keeps for each record.</summary>
    private static (string Path, string Name, ChainVerdict Verdict) Chain(IRunStore store, string run)
    {
        switch (store)
        {
            case FileRunStore file:
                var path = file.State.FindJournal(run);
                return (path, Path.GetFileNameWithoutExtension(path), JournalChain.Verify(path));
            case PostgresRunStore postgres:
                var name = postgres.Resolve(run);
                return ($"{store.Location}, run {name}", name, postgres.VerifyChain(name));
            default:
                throw new CliException($"Runs in {store.Location} carry no hash chain: verify checks the file store and the PostgreSQL team store.");
        }
    }

    /// <summary>The verdict once the last record's hash noted earlier (<c>--head</c>) is held against the journal.</summary>
    private static ChainVerdict HeldToNotedHead(ChainVerdict verdict, string head)
    {
        if (verdict.Status == ChainStatus.Unchained)
        {
            // A head was noted, so the journal had a chain: one without any was rewritten without it.
            return verdict with
            {
                Status = ChainStatus.Broken, BadRecord = 1,
                Problem = $"record 1 (header): the journal carries no hash chain, but a last record {head} was noted: it was rewritten without its chain",
            };
        }
        if (verdict.IsIntact && !string.Equals(head, verdict.Head, StringComparison.OrdinalIgnoreCase))
        {
            return verdict with
            {
                Status = ChainStatus.Broken, BadRecord = verdict.Records,
                Problem = $"record {verdict.Records}: the journal does not end at the record noted ({head}); it ends at {verdict.Head}: records were removed from its end, or added",
                Head = null,
            };
        }
        return verdict;
    }

    private static void WriteJson(string path, ChainVerdict verdict) =>
        Terminal.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new
        {
            Journal = path,
            Status = verdict.Status.ToString().ToLowerInvariant(),
            Verdict = verdict.ToString(),
            verdict.Records,
            verdict.BadRecord,
            verdict.Head,
        }, JournalJson.Options));

    private static void WriteText(string path, string name, ChainVerdict verdict)
    {
        Terminal.Out.Profile.Out.Writer.WriteLine(verdict.ToString());
        switch (verdict.Status)
        {
            case ChainStatus.Intact:
                Terminal.Out.MarkupLine($"Last record: {verdict.Head}. Note it with the change (or keep the report, which shows it): `checklist verify {name} --head {verdict.Head}` also shows records removed from the end.");
                break;
            case ChainStatus.Unchained:
                Terminal.Out.MarkupLine($"{verdict.Records} records, written before journals carried a hash chain: they can be read, but nothing shows whether they were altered.");
                break;
            default:
                Terminal.Error.MarkupLine($"[red]The journal {Markup.Escape(path)} was altered after it was written, or cut off by a crash (see above). It was left untouched.[/]");
                break;
        }
    }
}
