using System.Text.Json;

namespace ChecklistDsl.Cli.Tests.Support;

/// <summary>Reads journal lines as JSON for assertions (independently of the tool's own reader).</summary>
internal static class Journals
{
    public static IReadOnlyList<JsonElement> Records(string path) =>
        File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();

    public static string Type(this JsonElement record) => record.GetProperty("type").GetString()!;

    public static string? Text(this JsonElement record, string property) =>
        record.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int? Number(this JsonElement record, string property) =>
        record.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    /// <summary>The transitions, as "Source -Trigger-> Destination".</summary>
    public static string[] Transitions(IEnumerable<JsonElement> records) =>
        records.Where(r => r.Type() == "transition")
            .Select(r => $"{r.Text("source")} -{r.Text("trigger")}-> {r.Text("destination")}")
            .ToArray();
}
