using System.CommandLine;
using ChecklistDsl.Cli.Stores;

namespace ChecklistDsl.Cli.Commands;

/// <summary><c>checklist reject RUN --role ROLE --comment TEXT</c>: rejects the gate a run waits at; the run rolls back (or aborts).</summary>
internal static class RejectCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("RUN") { Description = "The run id (or a unique prefix of it)." };
        var role = new Option<string>("--role") { Description = "The role the gate waits for, as the runbook names it.", Required = true };
        var comment = new Option<string>("--comment") { Description = "Why the gate is rejected (recorded).", Required = true };
        var command = new Command("reject", "Reject the gate a run waits at (from another terminal or host).") { run, role, comment };
        var storeOptions = new StoreOptions().AddTo(command);
        command.SetAction(result => ApproveCommand.Decide(storeOptions, result, result.GetValue(run)!, result.GetValue(role)!, result.GetValue(comment), approve: false));
        return command;
    }
}
