using System.CommandLine;
using ChecklistDsl.Cli.Running;
using ChecklistDsl.Cli.Stores;

namespace ChecklistDsl.Cli.Commands;

/// <summary>The options of <c>run</c> and <c>resume</c> that say how questions are answered.</summary>
internal sealed class RunOptions
{
    public Option<bool> Yes { get; } = new("--yes", "-y")
    {
        Description = "Confirm every command, check and rollback without asking (for scripts). Never approves a gate.",
    };

    public Option<string[]> Approve { get; } = new("--approve")
    {
        Description = "A scripted approval, recorded in the journal: \"Role=Approver name\". Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Approver { get; } = new("--approver")
    {
        Description = "A scripted approval of every gate by this person, recorded in the journal.",
    };

    public Option<string[]> Skip { get; } = new("--skip")
    {
        Description = "Skip this optional step (method name or title) instead of asking. Repeatable.",
    };

    public Option<string> OnFailure { get; } = new("--on-failure")
    {
        Description = "Without prompts (--yes or no terminal), what a failure leads to: rollback or abort.",
        DefaultValueFactory = _ => "rollback",
    };

    public Option<string?> StateDir { get; } = CommonOptions.StateDir();

    public RunOptions AddTo(Command command)
    {
        OnFailure.AcceptOnlyFromAmong("rollback", "abort");
        foreach (var option in new Option[] { Yes, Approve, Approver, Skip, OnFailure, StateDir })
            command.Options.Add(option);
        return this;
    }

    /// <summary>
    /// The operator: prompts in a terminal, the options otherwise. Without a terminal and without
    /// --yes, a usage error instead of a run that would hang on its first question.
    /// </summary>
    public OperatorSettings Settings(ParseResult result, ChecklistDefinition checklist, StoreIdentity identity)
    {
        // A store that knows who is logged in takes approvals from the approvers' own logins, never from a typed name.
        if (identity.Verified && (result.GetValue(Approve) is { Length: > 0 } || result.GetValue(Approver) is not null))
            throw new CliException(
                "--approve and --approver are for the file store, where a typed name is recorded as unverified. With the PostgreSQL store each approver " +
                "gives their approval under their own database login: `checklist approve RUN --role ROLE`.");
        var settings = new OperatorSettings
        {
            Interactive = Terminal.IsInteractive,
            AutoConfirm = result.GetValue(Yes),
            ApprovalsByRole = CommonOptions.Pairs(result.GetValue(Approve), "--approve"),
            ApproverForAll = result.GetValue(Approver),
            SkipSteps = new HashSet<string>(result.GetValue(Skip) ?? [], StringComparer.OrdinalIgnoreCase),
            OnFailure = result.GetValue(OnFailure) == "abort" ? FailureAction.Abort : FailureAction.RollBack,
            ApprovalsFromStore = identity.Verified,
        };
        // A typo in a scripted answer must not silently turn into a pause or a step done.
        var roles = checklist.Steps.Where(s => s.IsApproval).Select(s => s.ApprovalRole!).ToArray();
        foreach (var role in settings.ApprovalsByRole.Keys.Where(r => !roles.Contains(r, StringComparer.OrdinalIgnoreCase)))
            throw new CliException($"--approve names the role '{role}', which no gate of '{checklist.Name}' has. Its approval roles: {(roles.Length == 0 ? "none" : string.Join(", ", roles))}.");
        var optional = checklist.Steps.Where(s => s.Optional).ToArray();
        foreach (var skip in settings.SkipSteps.Where(n => !optional.Any(s => string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Title, n, StringComparison.OrdinalIgnoreCase))))
            throw new CliException($"--skip names '{skip}', which is not an optional step of '{checklist.Name}'. Its optional steps: {(optional.Length == 0 ? "none" : string.Join(", ", optional.Select(s => s.Name)))}.");
        if (!settings.Interactive && !settings.AutoConfirm)
            throw new CliException(
                "There is no terminal to ask questions in (standard input is redirected). Pass --yes to confirm the steps " +
                (identity.Verified
                    ? "in a script (approvals come from `checklist approve RUN --role ROLE`), or run in a terminal."
                    : "in a script (approvals still need --approve \"Role=Name\" or --approver NAME), or run in a terminal."));
        return settings;
    }
}
