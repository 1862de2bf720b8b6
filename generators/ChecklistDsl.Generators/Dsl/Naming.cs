using System.Globalization;
using Humanizer;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>Names derived from identifiers, the same on every machine whatever its culture.</summary>
internal static class Naming
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary><c>ReconfirmBackupAvailability</c> becomes "Reconfirm backup availability".</summary>
    public static string Title(string identifier) => identifier.Humanize();

    /// <summary><c>DeploySafelyToProduction</c> becomes <c>deploy-safely-to-production.md</c>.</summary>
    public static string RunbookFileName(string className) => Shared.RunbookFileNames.For(className);

    /// <summary><c>ApiToken</c> becomes <c>API_TOKEN</c>.</summary>
    public static string EnvironmentVariable(string propertyName) => propertyName.Underscore().ToUpperInvariant();

    /// <summary>A timeout as words: 01:30:00 becomes "1 hour, 30 minutes".</summary>
    public static string Duration(System.TimeSpan span) => span.Humanize(precision: 3, culture: English);
}
