namespace ChecklistDsl.Cli.Running;

/// <summary>Short durations for the operator: "50 ms", "2.5 s", "42 s", "4:05", "1:02:03".</summary>
internal static class Durations
{
    public static string Text(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        if (span < TimeSpan.FromSeconds(1))
            return $"{(int)Math.Ceiling(span.TotalMilliseconds)} ms";
        if (span < TimeSpan.FromSeconds(10))
            return $"{span.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s";
        if (span < TimeSpan.FromMinutes(1))
            return $"{(int)Math.Ceiling(span.TotalSeconds)} s";
        return span < TimeSpan.FromHours(1)
            ? $"{(int)span.TotalMinutes}:{span.Seconds:00}"
            : $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}";
    }
}
