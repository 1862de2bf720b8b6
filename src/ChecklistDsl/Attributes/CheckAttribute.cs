namespace ChecklistDsl;

/// <summary>An item the operator must tick before the step can complete.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
public sealed class CheckAttribute : Attribute
{
    /// <summary>Adds a check to the step.</summary>
    /// <param name="text">What the operator confirms.</param>
    public CheckAttribute(string text) => Text = text;

    /// <summary>What the operator confirms.</summary>
    public string Text { get; }
}
