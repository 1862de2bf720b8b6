using System.Linq;

namespace ChecklistDsl.Generators.Dsl;

/// <summary>Metadata names of the DSL's types, in one place for the generator and the analyzers.</summary>
internal static class KnownNames
{
    public const string Checklist = "ChecklistDsl.ChecklistAttribute";
    public const string Step = "ChecklistDsl.StepAttribute";
    public const string Section = "ChecklistDsl.SectionAttribute";
    public const string Check = "ChecklistDsl.CheckAttribute";
    public const string Command = "ChecklistDsl.CommandAttribute";
    public const string Approval = "ChecklistDsl.ApprovalAttribute";
    public const string Backup = "ChecklistDsl.BackupAttribute";
    public const string Modifies = "ChecklistDsl.ModifiesAttribute";
    public const string Destroys = "ChecklistDsl.DestroysAttribute";
    public const string Verifies = "ChecklistDsl.VerifiesAttribute";
    public const string RollbackWith = "ChecklistDsl.RollbackWithAttribute";
    public const string NoRollback = "ChecklistDsl.NoRollbackAttribute";
    public const string Rollback = "ChecklistDsl.RollbackAttribute";
    public const string AssumeSafe = "ChecklistDsl.AssumeSafeAttribute";
    public const string Input = "ChecklistDsl.InputAttribute";
    public const string Secret = "ChecklistDsl.SecretAttribute";
    public const string When = "ChecklistDsl.WhenAttribute";
    public const string WaitUntil = "ChecklistDsl.WaitUntilAttribute";

    /// <summary>The DSL attributes that go on a checklist's methods and properties, by type name.</summary>
    public static readonly System.Collections.Generic.IReadOnlyDictionary<string, string> MemberAttributes =
        new[] { Step, Section, Check, Command, Approval, Backup, Modifies, Destroys, Verifies, RollbackWith, NoRollback, Rollback, AssumeSafe, Input, Secret, When, WaitUntil }
            .ToDictionary(name => name.Substring(name.LastIndexOf('.') + 1), System.StringComparer.Ordinal);

    /// <summary>Whether an attribute written <c>[name]</c> could mean a member-level DSL attribute by its type name.</summary>
    public static bool IsDslMemberAttributeName(string name) =>
        MemberAttributes.ContainsKey(name) || MemberAttributes.ContainsKey(name + "Attribute");

    /// <summary>"production", "prod" and "live" (any case) name production.</summary>
    public static bool IsProduction(string? environment)
    {
        var value = environment?.Trim();
        return string.Equals(value, "production", System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(value, "prod", System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(value, "live", System.StringComparison.OrdinalIgnoreCase);
    }
}
