using System.ComponentModel;

namespace ChecklistDsl;

/// <summary>
/// A generated checklist's data: its plan as JSON, its runbook in Markdown and its state machine as a
/// table. The generator puts it on the <c>[Checklist]</c> class; <see cref="DefinitionData"/> reads it
/// when the class's <c>Definition</c> is first used, and the runbook export reads it from the
/// assembly's metadata without loading the assembly. Not for hand use.
/// </summary>
/// <remarks>
/// An attribute because its arguments are kept in the assembly as UTF-8 and cost the compiler no
/// more than a string constant: as <c>ldstr</c> constants the texts took two bytes a character (and
/// thousands of runbooks overflow the user-string heap, CS8103), and as UTF-8 literals (<c>"..."u8</c>)
/// the compiler binds every byte as a node of its own, the larger part of compiling the generated code.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ChecklistDataAttribute : Attribute
{
    /// <summary>Holds the generated texts.</summary>
    /// <param name="plan">The plan as JSON (see <see cref="DefinitionData"/>).</param>
    /// <param name="runbook">The runbook, in Markdown, with its state diagram's placeholder (drawn from the table when read).</param>
    /// <param name="machine">The state machine table (see <see cref="MachineTable.Parse(Type, string)"/>).</param>
    public ChecklistDataAttribute(string plan, string runbook, string machine)
    {
        Plan = plan;
        Runbook = runbook;
        Machine = machine;
    }

    /// <summary>The plan as JSON.</summary>
    public string Plan { get; }

    /// <summary>The runbook, in Markdown, as stored: the state diagram is a placeholder, drawn from the table when the runbook is read (<see cref="ChecklistDefinition.Markdown"/>).</summary>
    public string Runbook { get; }

    /// <summary>The state machine table, its states by name.</summary>
    public string Machine { get; }
}
