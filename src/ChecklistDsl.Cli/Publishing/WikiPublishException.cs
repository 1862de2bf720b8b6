namespace ChecklistDsl.Cli.Publishing;

/// <summary>A publish that could not be done; the message says why and what to do.</summary>
internal sealed class WikiPublishException(string message) : Exception(message);
