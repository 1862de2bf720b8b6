using System.CommandLine;
using ChecklistDsl.Cli.Journal;
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

    public Option<string?> WaitForApproval { get; } = new("--wait-for-approval")
    {
        Description = "At a gate, wait this long (30s, 10m, 2h, or \"forever\") for approvals given from other terminals with `checklist approve`, " +
                      "then pause. Default with the PostgreSQL store: forever in a terminal, not at all in a script.",
    };

    public RunOptions AddTo(Command command)
    {
        OnFailure.AcceptOnlyFromAmong("rollback", "abort");
        foreach (var option in new Option[] { Yes, Approve, Approver, Skip, OnFailure, StateDir, WaitForApproval })
            command.Options.Add(option);
        return this;
    }

    /// <summary>A duration: 30s, 10m, 2h, 1d, hh:mm:ss, or "forever".</summary>
    internal static TimeSpan ParseWait(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t is "forever" or "infinite")
            return Timeout.InfiniteTimeSpan;
        if (t.Length > 1 && double.TryParse(t[..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0)
        {
            switch (t[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
            }
        }
        if (TimeSpan.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
            return span;
        throw new CliException($"--wait-for-approval takes a duration such as 30s, 10m, 2h or 00:10:00, or \"forever\"; not '{text}'.");
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
        var wait = result.GetValue(WaitForApproval) is { } given ? ParseWait(given) : (TimeSpan?)null;
        var settings = new OperatorSettings
        {
            Interactive = Terminal.IsInteractive,
            // With a store that knows identities every approval comes from `checklist approve`: the gate waits for them.
            ApprovalWait = wait ?? (identity.Verified ? (Terminal.IsInteractive ? Timeout.InfiniteTimeSpan : TimeSpan.Zero) : null),
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
