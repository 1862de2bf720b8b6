namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// The test hook <c>CHECKLIST_TEST_CRASH_AFTER_RECORDS</c>: the process kills itself right after writing
/// a chosen record, so tests can crash a run at an exact point. <c>N</c>: its N-th record;
/// <c>TYPE:N</c>: its N-th record of that type (<c>command-finished:5</c>), a point that does not move
/// when other kinds of records are added before it.
/// </summary>
internal sealed class CrashHook
{
    private readonly string? _type;
    private readonly int _count;
    private int _seen;

    private CrashHook(string? type, int count) => (_type, _count) = (type, count);

    /// <summary>The hook the variable sets, or <see langword="null"/> (unset or not of either form).</summary>
    public static CrashHook? FromEnvironment(string variable)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(text))
            return null;
        var colon = text.LastIndexOf(':');
        var type = colon > 0 ? text[..colon] : null;
        return int.TryParse(colon > 0 ? text[(colon + 1)..] : text, out var n) && n > 0 ? new CrashHook(type, n) : null;
    }

    /// <summary>Counts a record just written; true when it is the one to crash after.</summary>
    public bool After(JournalRecord record)
    {
        if (_type is null || record.Type == _type)
            _seen++;
        return _seen == _count && (_type is null || record.Type == _type);
    }
}
