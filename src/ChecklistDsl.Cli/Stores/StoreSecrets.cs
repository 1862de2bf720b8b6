using System.Collections.Concurrent;

namespace ChecklistDsl.Cli.Stores;

/// <summary>
/// Values that must never be printed (a store's password): every error the tool reports passes through
/// <see cref="Redact"/>, whatever library wrote its message.
/// </summary>
internal static class StoreSecrets
{
    private static readonly ConcurrentDictionary<string, bool> Values = new();

    public static void Register(string? value)
    {
        if (!string.IsNullOrEmpty(value))
            Values[value] = true;
    }

    public static string Redact(string text)
    {
        foreach (var value in Values.Keys)
            text = text.Replace(value, "***", StringComparison.Ordinal);
        return text;
    }
}
