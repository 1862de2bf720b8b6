using System.CommandLine;
using ChecklistDsl.Cli.Journal;
using ChecklistDsl.Cli.Stores;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary>
/// <c>checklist approve RUN --role ROLE [--comment TEXT]</c>: approves the gate a run waits at, from any
/// terminal or host, as the store's identity (the database login with PostgreSQL). The run's operator
/// cannot approve its own gates (four-eyes) unless the gate allows it; a quorum counts distinct identities.
/// </summary>
internal static class ApproveCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("RUN") { Description = "The run id (or a unique prefix of it)." };
        var role = new Option<string>("--role") { Description = "The role the gate waits for, as the runbook names it.", Required = true };
        var comment = new Option<string?>("--comment") { Description = "A note recorded with the approval." };
        var command = new Command("approve", "Approve the gate a run waits at (from another terminal or host).") { run, role, comment };
        var storeOptions = new StoreOptions().AddTo(command);
        command.SetAction(result => Decide(storeOptions, result, result.GetValue(run)!, result.GetValue(role)!, result.GetValue(comment), approve: true));
        return command;
    }

    /// <summary>Records an approval or a rejection of the gate <paramref name="runName"/> waits at, after checking who may give it.</summary>
    internal static int Decide(StoreOptions storeOptions, ParseResult result, string runName, string role, string? comment, bool approve)
    {
        using var store = storeOptions.Open(result);
        var stored = store.Read(runName);
        var gate = WaitingGate(stored, role);
        var who = store.Identity;
        var approvers = stored.Records.Where(r => r.Type == RecordTypes.Approval && r.Step == gate.Step).Select(r => r.Approver!).Distinct(StringComparer.Ordinal).ToList();
        var required = gate.Required ?? 1;
        if (approve)
            CheckApprover(stored, gate, who, approvers, required);
        else if (string.IsNullOrWhiteSpace(comment))
            throw new CliException("--comment needs the reason for rejecting: it is recorded in the run's journal.");
        store.Decide(stored, new JournalRecord
        {
            Type = approve ? RecordTypes.Approval : RecordTypes.Rejection,
            State = gate.State, Step = gate.Step, Role = gate.Role, Approver = who.Name, Host = Environment.MachineName,
            Via = approve ? "checklist approve" : "checklist reject", Verified = who.Verified, Text = comment,
        });
        SayDecided(stored.RunId, gate, who, approve ? approvers.Count + 1 : null, required);
        return ExitCodes.Completed;
    }

    /// <summary>The gate the run waits at, for <paramref name="role"/>; refused when the run has ended, waits at none, or for another role.</summary>
    private static JournalRecord WaitingGate(StoredRun stored, string role)
    {
        var records = stored.Records;
        var id = stored.RunId;
        var state = records.LastOrDefault(r => r.Type == RecordTypes.Transition)?.Destination ?? ChecklistMachine.NotStarted;
        if (records.Any(r => r.Type == RecordTypes.Abandoned) || RunStates.IsEnd(state))
            throw new CliException($"Run {id} has ended ({(RunStates.IsEnd(state) ? state : RunStates.Abandoned)}); there is no gate to decide.");
        var gate = records.LastOrDefault(r => r.Type == RecordTypes.AwaitingApproval);
        if (gate is null || gate.State != state)
            throw new CliException($"Run {id} is not waiting at an approval gate (it is at '{state}').");
        if (!string.Equals(gate.Role, role.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new CliException($"The gate '{gate.State}' of run {id} waits for {gate.Role}, not {role}: pass --role \"{gate.Role}\".");
        return gate;
    }

    /// <summary>The four-eyes rule (unless the gate allows self-approval) and one approval per person.</summary>
    private static void CheckApprover(StoredRun stored, JournalRecord gate, StoreIdentity who, IReadOnlyList<string> approvers, int required)
    {
        var id = stored.RunId;
        var operators = stored.Records.Where(r => r.Type is RecordTypes.Header or RecordTypes.Resumed).Select(r => r.User).OfType<string>();
        if (gate.SelfApproval != true && operators.Contains(who.Name, StringComparer.OrdinalIgnoreCase))
            throw new CliException(
                $"Four-eyes rule: {who.Name} operates run {id} and cannot approve its gate '{gate.State}'; another {gate.Role} must. " +
                "(A checklist can allow it for one gate with [Approval(..., AllowSelfApproval = true)], shown in its runbook.)");
        if (approvers.Contains(who.Name, StringComparer.Ordinal))
            throw new CliException(
                $"{who.Name} has already approved the gate '{gate.State}' of run {id}: it needs {required} approvals by distinct {gate.Role}s ({approvers.Count} so far).");
    }

    /// <summary>What was recorded; for an approval (<paramref name="count"/> so far), whether the gate is open now.</summary>
    private static void SayDecided(string id, JournalRecord gate, StoreIdentity who, int? count, int required)
    {
        var unverified = who.Verified ? "" : " (an unverified name: the file store records the operating-system user)";
        if (count is null)
        {
            Terminal.Out.MarkupLine($"Rejected the gate '{Markup.Escape(gate.State!)}' of run {Markup.Escape(id)} as {Markup.Escape(who.Name)}{Markup.Escape(unverified)}.");
            return;
        }
        Terminal.Out.MarkupLine($"Approved the gate '{Markup.Escape(gate.State!)}' of run {Markup.Escape(id)} as {Markup.Escape(who.Name)} ({Markup.Escape(gate.Role!)}, {count} of {required}){Markup.Escape(unverified)}.");
        Terminal.Out.MarkupLine(count >= required
            ? $"The gate is open: a waiting run goes on; a paused one continues with `checklist resume {Markup.Escape(id)}`."
            : $"Waiting for {required - count} more {Markup.Escape(gate.Role!)} approval(s).");
    }
}
