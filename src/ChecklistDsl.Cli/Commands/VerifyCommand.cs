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
            // The chain is over the bytes of a journal file, or over the lines the team store keeps for each record.
            string path, name;
            ChainVerdict verdict;
            switch (store)
            {
                case FileRunStore file:
                    path = file.State.FindJournal(result.GetValue(run)!);
                    name = Path.GetFileNameWithoutExtension(path);
                    verdict = JournalChain.Verify(path);
                    break;
                case PostgresRunStore postgres:
                    name = postgres.Resolve(result.GetValue(run)!);
                    path = $"{store.Location}, run {name}";
                    verdict = postgres.VerifyChain(name);
                    break;
                default:
                    throw new CliException($"Runs in {store.Location} carry no hash chain: verify checks the file store and the PostgreSQL team store.");
            }
            var head = result.GetValue(expectHead);
            if (head is not null && verdict.Status == ChainStatus.Unchained)
            {
                // A head was noted, so the journal had a chain: one without any was rewritten without it.
                verdict = verdict with
                {
                    Status = ChainStatus.Broken, BadRecord = 1,
                    Problem = $"record 1 (header): the journal carries no hash chain, but a last record {head.Trim()} was noted: it was rewritten without its chain",
                };
            }
            else if (head is not null && verdict.IsIntact && !string.Equals(head.Trim(), verdict.Head, StringComparison.OrdinalIgnoreCase))
            {
                verdict = verdict with
                {
                    Status = ChainStatus.Broken, BadRecord = verdict.Records,
                    Problem = $"record {verdict.Records}: the journal does not end at the record noted ({head.Trim()}); it ends at {verdict.Head}: records were removed from its end, or added",
                    Head = null,
                };
            }
            if (result.GetValue(json))
            {
                Terminal.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new
                {
                    Journal = path,
                    Status = verdict.Status.ToString().ToLowerInvariant(),
                    Verdict = verdict.ToString(),
                    verdict.Records,
                    verdict.BadRecord,
                    verdict.Head,
                }, JournalJson.Options));
            }
            else
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
            return verdict.Status is ChainStatus.Intact or ChainStatus.Unchained ? ExitCodes.Completed : ExitCodes.NotIntact;
        });
        return command;
    }
}
