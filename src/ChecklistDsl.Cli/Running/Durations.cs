namespace ChecklistDsl.Cli.Running;

/// <summary>Short durations for the operator: "50 ms", "2.5 s", "42 s", "4 min 5 s", "1 h 2 min".</summary>
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
        // Whole seconds from here on; "3:00" could be read as a time of day.
        span = TimeSpan.FromSeconds(Math.Ceiling(span.TotalSeconds));
        if (span < TimeSpan.FromHours(1))
            return span.Seconds == 0 ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalMinutes} min {span.Seconds} s";
        return span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min";
    }
}
