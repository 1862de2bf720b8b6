namespace ChecklistDsl;

/// <summary>A risk accepted on a step with <see cref="AssumeSafeAttribute"/>.</summary>
/// <param name="RuleId">The rule accepted.</param>
/// <param name="Because">The reason given.</param>
public sealed record AcceptedRisk(string RuleId, string Because);
