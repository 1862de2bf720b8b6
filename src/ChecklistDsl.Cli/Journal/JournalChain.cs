using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChecklistDsl.Cli.Journal;

/// <summary>
/// The hash chain that makes a journal tamper-evident. Every record carries <c>prev</c>, the hash of
/// the record before it (the header's is derived from the run id and the plan fingerprint), and ends
/// with <c>"hash":"sha256:…"</c>, the SHA-256 of its own line without that last member. An edited
/// byte breaks the record's own hash; a record removed, inserted or moved breaks the <c>prev</c> of
/// the one now in its place. Hashes are of the exact bytes written, so no canonical JSON is needed.
/// </summary>
internal static class JournalChain
{
    private const string Prefix = "sha256:";
    private const string HashMemberStart = ",\"hash\":\"";
    // ,"hash":"sha256:<64 hex>"}
    private static readonly int SuffixLength = HashMemberStart.Length + Prefix.Length + 64 + 2;

    /// <summary>What the header's <c>prev</c> holds: the chain starts at the run id and the plan fingerprint.</summary>
    public static string Start(string runId, string fingerprint) =>
        Hash("checklist-journal\n" + runId + "\n" + fingerprint);

    /// <summary>
    /// The line to write for a record serialized (with its <c>prev</c>) as <paramref name="body"/>, a
    /// JSON object; returns the line (without its line end) and the record's hash, which the next record's <c>prev</c> holds.
    /// </summary>
    public static (string Line, string Hash) Seal(string body)
    {
        if (body.Length < 2 || body[^1] != '}')
            throw new ArgumentException("A record is a JSON object.", nameof(body));
        var hash = Hash(body);
        return (body[..^1] + HashMemberStart + hash + "\"}", hash);
    }

    /// <summary>The hash a record line ends with, or null when it carries none (an older, unchained journal).</summary>
    public static string? HashOf(string line) => Split(line) is { } parts ? parts.Hash : null;

    /// <summary>Checks a journal file; never throws for what is in it (a missing or unreadable file is a verdict too).</summary>
    public static ChainVerdict Verify(string path)
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ChainVerdict(ChainStatus.Unreadable, 0, null, $"the journal cannot be read: {e.Message}", null);
        }
        return Verify(bytes);
    }

    /// <summary>Checks a journal's bytes record by record and names the first record that does not fit.</summary>
    public static ChainVerdict Verify(ReadOnlySpan<byte> bytes)
    {
        // Strict UTF-8: a byte changed into an invalid sequence must not be read as U+FFFD and pass.
        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var count = 0;
        string? previous = null;
        var chained = false;
        var start = 0;
        while (start < bytes.Length)
        {
            var end = bytes[start..].IndexOf((byte)'\n');
            var number = count + 1;
            if (end < 0)
            {
                return new ChainVerdict(ChainStatus.CutOff, count, number,
                    $"record {number} is incomplete (no line end): cut off while being written (a crash), or changed afterwards; the records before it fit", null);
            }
            var raw = bytes.Slice(start, end);
            start += end + 1;
            string line;
            try
            {
                line = utf8.GetString(raw);
            }
            catch (DecoderFallbackException)
            {
                return Broken(number, null, "it is not valid UTF-8 text: it was changed after it was written");
            }
            var parts = Split(line);
            if (number == 1)
            {
                chained = parts is not null;
                if (!chained)
                {
                    // An older journal: readable, but it proves nothing; a chained record after it would be spliced in.
                    if (line.Contains("\"prev\":", StringComparison.Ordinal))
                        return Broken(1, Type(line), "it starts a chain but has no hash of its own");
                }
            }
            if (!chained)
            {
                if (parts is not null)
                    return Broken(number, Type(line), "a chained record inside an unchained (older) journal");
                count++;
                continue;
            }
            if (parts is not { } sealedLine)
                return Broken(number, Type(line), "it has no hash: it was changed, or added, after it was written");
            if (Hash(sealedLine.Body) != sealedLine.Hash)
                return Broken(number, Type(sealedLine.Body), "its content does not match its hash: it was changed after it was written");
            JsonElement record;
            try
            {
                using var document = JsonDocument.Parse(sealedLine.Body);
                record = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return Broken(number, null, "it is not a JSON record");
            }
            if (record.ValueKind != JsonValueKind.Object)
                return Broken(number, null, "it is not a JSON record");
            var prev = Text(record, "prev");
            if (number == 1)
            {
                var runId = Text(record, "runId");
                var fingerprint = Text(record, "fingerprint");
                if (runId is null || fingerprint is null || prev != Start(runId, fingerprint))
                    return Broken(1, Text(record, "type"), "its chain start does not match its run id and plan fingerprint");
            }
            else if (prev != previous)
            {
                return Broken(number, Text(record, "type"),
                    $"it does not follow record {number - 1}: a record was removed, inserted or moved here");
            }
            previous = sealedLine.Hash;
            count++;
        }
        if (count == 0)
            return new ChainVerdict(ChainStatus.Broken, 0, 1, "the journal is empty", null);
        return chained
            ? new ChainVerdict(ChainStatus.Intact, count, null, null, previous)
            : new ChainVerdict(ChainStatus.Unchained, count, null, null, null);

        ChainVerdict Broken(int record, string? type, string problem) =>
            new(ChainStatus.Broken, count, record, $"record {record}{(type is null ? "" : $" ({type})")}: {problem}", null);
    }

    private static (string Body, string Hash)? Split(string line)
    {
        if (line.Length < SuffixLength + 2 || !line.EndsWith("\"}", StringComparison.Ordinal))
            return null;
        var at = line.Length - SuffixLength;
        if (string.CompareOrdinal(line, at, HashMemberStart, 0, HashMemberStart.Length) != 0)
            return null;
        var hash = line.Substring(at + HashMemberStart.Length, Prefix.Length + 64);
        if (!hash.StartsWith(Prefix, StringComparison.Ordinal) || !hash.AsSpan(Prefix.Length).ContainsOnlyLowerHex())
            return null;
        return (line[..at] + "}", hash);
    }

    private static bool ContainsOnlyLowerHex(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
                return false;
        }
        return true;
    }

    private static string Hash(string text) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Type(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Text(document.RootElement, "type") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The kinds of integrity verdict.</summary>
internal enum ChainStatus
{
    /// <summary>Every record fits its hash and follows the one before it.</summary>
    Intact,
    /// <summary>A journal written before records were chained: it can be read, but proves nothing.</summary>
    Unchained,
    /// <summary>A record does not fit: changed, removed, inserted or moved.</summary>
    Broken,
    /// <summary>The last line has no line end: a crash while writing it (or an edit); the records before it fit.</summary>
    CutOff,
    /// <summary>The file cannot be read at all.</summary>
    Unreadable,
}

/// <summary>What <c>verify</c> found: the records that fit, and the first one that does not.</summary>
/// <param name="Status">Intact, unchained, broken or unreadable.</param>
/// <param name="Records">How many records fit (for a broken journal: those before the first bad one).</param>
/// <param name="BadRecord">The first record (1-based line) that does not fit.</param>
/// <param name="Problem">Why, naming the record.</param>
/// <param name="Head">The last record's hash (intact journals): kept elsewhere, it also shows a journal cut short.</param>
internal sealed record ChainVerdict(ChainStatus Status, int Records, int? BadRecord, string? Problem, string? Head)
{
    /// <summary>Whether the journal is proven unaltered.</summary>
    public bool IsIntact => Status == ChainStatus.Intact;

    /// <summary>One line for people: "intact (12 records)", "unchained (older format)", "broken: record 7 (…): …".</summary>
    public override string ToString() => Status switch
    {
        ChainStatus.Intact => $"intact ({Records} records)",
        ChainStatus.Unchained => "unchained (older format)",
        ChainStatus.Broken => $"broken: {Problem}",
        ChainStatus.CutOff => $"cut off: {Problem}",
        _ => $"unreadable: {Problem}",
    };
}
