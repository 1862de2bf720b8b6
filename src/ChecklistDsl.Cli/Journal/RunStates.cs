namespace ChecklistDsl.Cli.Journal;

/// <summary>The end states a journal can record: the machine's, and a run given up with <c>checklist abandon</c>.</summary>
internal static class RunStates
{
    public const string Abandoned = "Abandoned";

    public static bool IsEnd(string state) =>
        state is ChecklistMachine.Completed or ChecklistMachine.Aborted or ChecklistMachine.RolledBack or Abandoned;
}
