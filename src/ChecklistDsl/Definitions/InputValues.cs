namespace ChecklistDsl;

/// <summary>How input text is read: the one rule for the command line, the environment and <c>[When]</c>.</summary>
public static class InputValues
{
    /// <summary>Reads a <c>bool</c> input: <c>true</c>/<c>false</c> or <c>yes</c>/<c>no</c>, any case, trimmed.</summary>
    public static bool TryParseBool(string? text, out bool value)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "true" or "yes":
                value = true;
                return true;
            case "false" or "no":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
