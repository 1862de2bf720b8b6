using System.Text.Json;

namespace ChecklistDsl.Cli.Tests.Support;

/// <summary>
/// Looks for forbidden strings (secret values, credentials) in every file under a folder and in given
/// texts. JSON files are also read as JSON, each string value decoded: an escaped secret
/// (<c>\u0022</c>, <c>\u002B</c>) is still a leak.
/// </summary>
internal static class LeakScan
{
    /// <summary>"where: what" for each forbidden string found.</summary>
    public static List<string> Find(IReadOnlyCollection<string> forbidden, string folder, params (string Where, string Text)[] texts)
    {
        var places = new List<(string Where, string Text)>(texts);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                places.Add((file, text));
                places.AddRange(JsonStrings(text).Select(s => (file + " (decoded)", s)));
            }
        }
        return [.. places.SelectMany(p => forbidden.Where(f => p.Text.Contains(f, StringComparison.Ordinal)).Select(f => $"{p.Where}: {f}"))];
    }

    /// <summary>The files under the folder, so a test can say what it scanned.</summary>
    public static string[] Files(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];

    /// <summary>Every string value of a JSON document or of JSON lines; nothing for other text.</summary>
    public static IEnumerable<string> JsonStrings(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append(text))
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                continue;
            }
            using (document)
            {
                foreach (var value in Strings(document.RootElement))
                    yield return value;
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
