using System.Diagnostics;
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

    /// <summary>Waits until the run's journal has a line containing <paramref name="text"/>.</summary>
    public static string WaitForRecord(TempFolder folder, string text, Process process)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < CliProcess.Limit)
        {
            Assert.IsFalse(process.HasExited, "the run ended before the awaited record");
            var journals = Directory.Exists(folder.RunsFolder) ? Directory.GetFiles(folder.RunsFolder, "*.jsonl") : [];
            if (journals.Length == 1)
            {
                using var stream = new FileStream(journals[0], FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                if (new StreamReader(stream).ReadToEnd().Contains(text, StringComparison.Ordinal))
                    return journals[0];
            }
            Thread.Sleep(50);
        }
        Assert.Fail($"No journal record with {text} within {CliProcess.Limit}.");
        return "";
    }
}
