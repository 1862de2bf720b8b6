using ChecklistDsl.Generators.Dsl.Model;

namespace ChecklistDsl.Generators.Generation;

/// <summary>What the pipeline's transform gives for one <c>[Checklist]</c> class: its description, or the generator's failure on it.</summary>
internal sealed record ParsedChecklist(ChecklistSpec? Spec, ParseFailure? Failure);

/// <summary>The generator failed on a class (a bug): the file it could not write, and why.</summary>
internal sealed record ParseFailure(string HintName, string Message);

/// <summary>One line of the assembly-wide catalog.</summary>
internal sealed record CatalogEntry(string GlobalName);
