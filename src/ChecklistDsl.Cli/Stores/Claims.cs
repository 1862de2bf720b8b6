namespace ChecklistDsl.Cli.Stores;

/// <summary>The one message for a target claimed by an unfinished run, the same in every store.</summary>
internal static class Claims
{
    public static string Describe(RunListing claim) =>
        $"The checklist '{claim.Checklist}' is claimed for target '{claim.Target}' by run {claim.RunId} " +
        $"(started by {claim.Operator} on {claim.Host} at {claim.StartedAt:u}), which stopped unfinished at '{claim.State}'. " +
        $"Continue it with `checklist resume {claim.RunId}`, or give it up with `checklist abandon {claim.RunId} --comment \"why\"`.";
}
