using System.Globalization;
using System.Text;

namespace ChecklistDsl.Workload;

/// <summary>
/// The sources the peer generators get, at the same scale as the checklists: N partial classes of M
/// <c>[LoggerMessage]</c> methods (the LoggerMessage generator of Microsoft.Extensions.Logging.Abstractions),
/// and N <c>JsonSerializerContext</c>s with one M-property type each (System.Text.Json's generator).
/// Generated on demand, never checked in.
/// </summary>
/// <remarks>
/// The logging methods are <c>static partial void</c> without an access modifier: C#'s optional
/// partial methods, so the LoggerMessage project also compiles with its generator switched off (the
/// measured build's baseline, as the checklists compile without ours). The JSON contexts need their
/// generator to compile; they are measured in process only.
/// </remarks>
public static class PeerSources
{
    /// <summary>A file of <see cref="LoggerMessages"/>; the one-class edit replaces the middle one.</summary>
    public static string LoggingPathOf(int index) => $"Logging/Group{index / 100:D2}/Log{index:D4}.cs";

    public static string JsonPathOf(int index) => $"Json/Group{index / 100:D2}/Order{index:D4}.cs";

    /// <summary><paramref name="classes"/> partial classes of <paramref name="methods"/> logging methods each.</summary>
    public static (string Path, string Text)[] LoggerMessages(int classes, int methods)
    {
        var sources = new (string Path, string Text)[classes];
        for (var i = 0; i < classes; i++)
            sources[i] = (LoggingPathOf(i), LoggingClass(i, methods));
        return sources;
    }

    /// <summary><paramref name="contexts"/> contexts, each with one type of <paramref name="properties"/> properties.</summary>
    public static (string Path, string Text)[] JsonContexts(int contexts, int properties)
    {
        var sources = new (string Path, string Text)[contexts];
        for (var i = 0; i < contexts; i++)
            sources[i] = (JsonPathOf(i), JsonContext(i, properties));
        return sources;
    }

    private static readonly string[] Levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    /// <summary>
    /// Class <paramref name="index"/>: methods with 0 to 3 parameters and an exception now and then, the
    /// mix a service's log class has. A <paramref name="revision"/> above 0 changes the last message.
    /// </summary>
    public static string LoggingClass(int index, int methods, int revision = 0)
    {
        var text = new StringBuilder(4096)
            .Append("using System;\nusing Microsoft.Extensions.Logging;\n\n")
            .Append("namespace Synthetic.Logging.Group").Append((index / 100).ToString("D2", CultureInfo.InvariantCulture)).Append(";\n\n")
            .Append("internal static partial class Log").Append(index.ToString("D4", CultureInfo.InvariantCulture)).Append("\n{\n");
        for (var m = 0; m < methods; m++)
        {
            var level = Levels[(index + m) % Levels.Length];
            var suffix = m == methods - 1 && revision > 0 ? $" (revision {revision})" : "";
            text.Append("    [LoggerMessage(EventId = ").Append(m + 1).Append(", Level = LogLevel.").Append(level).Append(", Message = \"");
            switch (m % 4)
            {
                case 0:
                    text.Append("Stage ").Append(m).Append(" started").Append(suffix).Append("\")]\n")
                        .Append("    static partial void Stage").Append(m).Append("Started(ILogger logger);\n\n");
                    break;
                case 1:
                    text.Append("Backing up {Database} to {Path} (stage ").Append(m).Append(')').Append(suffix).Append("\")]\n")
                        .Append("    static partial void BackingUp").Append(m).Append("(ILogger logger, string database, string path);\n\n");
                    break;
                case 2:
                    text.Append("Deployed release {Release} to {Url} in {Elapsed} ms").Append(suffix).Append("\")]\n")
                        .Append("    static partial void Deployed").Append(m).Append("(ILogger logger, string release, Uri url, long elapsed);\n\n");
                    break;
                default:
                    text.Append("Step {Step} failed after {Attempts} attempts").Append(suffix).Append("\")]\n")
                        .Append("    static partial void StepFailed").Append(m).Append("(ILogger logger, Exception error, string step, int attempts);\n\n");
                    break;
            }
        }
        return text.Append("}\n").ToString();
    }

    private static readonly string[] PropertyTypes = ["int", "string", "DateTimeOffset", "decimal", "bool", "Guid", "double", "long?", "List<string>", "Dictionary<string, int>"];

    /// <summary>
    /// Context <paramref name="index"/> and its type: properties of the usual mix of types, a renamed
    /// one now and then. A <paramref name="revision"/> above 0 renames the last property's JSON name.
    /// </summary>
    public static string JsonContext(int index, int properties, int revision = 0)
    {
        var type = "Order" + index.ToString("D4", CultureInfo.InvariantCulture);
        var text = new StringBuilder(2048)
            .Append("using System;\nusing System.Collections.Generic;\nusing System.Text.Json.Serialization;\n\n")
            .Append("namespace Synthetic.Json.Group").Append((index / 100).ToString("D2", CultureInfo.InvariantCulture)).Append(";\n\n")
            .Append("public sealed class ").Append(type).Append("\n{\n");
        for (var p = 0; p < properties; p++)
        {
            if (p == properties - 1 && revision > 0)
                text.Append("    [JsonPropertyName(\"last_").Append(revision).Append("\")]\n");
            else if (p % 5 == 4)
                text.Append("    [JsonPropertyName(\"field_").Append(p).Append("\")]\n");
            text.Append("    public ").Append(PropertyTypes[(index + p) % PropertyTypes.Length]).Append(" Property").Append(p).Append(" { get; set; }")
                .Append(PropertyTypes[(index + p) % PropertyTypes.Length] switch { "string" => " = \"\";", "List<string>" => " = new();", "Dictionary<string, int>" => " = new();", _ => "" })
                .Append('\n');
        }
        return text.Append("}\n\n")
            .Append("[JsonSerializable(typeof(").Append(type).Append("))]\n")
            .Append("public partial class ").Append(type).Append("Context : JsonSerializerContext { }\n")
            .ToString();
    }
}
