using System.Globalization;
using ChecklistDsl.Workload;

// ChecklistDsl.Workload: writes the synthetic checklists project, or reports the generated lines per step.
//   --out DIR --library ChecklistDsl.dll --analyzer Generators.dll [--analyzer Dependency.dll ...]
//   --out DIR --peer logging       (the LoggerMessage peer instead: N classes x M [LoggerMessage] methods)
//   --report-lines
//   --profile [--runs R]           (where a cold and warm full generator run go, by pipeline step; JIT time)
//   --profile-edit [--runs R]      (where a one-checklist edit goes, by pipeline step, warm)
//   [--checklists N] [--steps M]   (default 1000 x 20)
const string Usage = """
    usage: ChecklistDsl.Workload --out DIR --library PATH --analyzer PATH [--analyzer PATH...] [--checklists N] [--steps M]
           ChecklistDsl.Workload --out DIR --peer logging [--checklists N] [--steps M]
           ChecklistDsl.Workload --report-lines [--checklists N] [--steps M]
           ChecklistDsl.Workload --profile [--runs R] [--checklists N] [--steps M]
           ChecklistDsl.Workload --profile-edit [--runs R] [--checklists N] [--steps M]
    """;

int checklists = SyntheticChecklists.DefaultChecklists, steps = SyntheticChecklists.DefaultSteps;
string? output = null, library = null, peer = null;
var analyzers = new List<string>();
var reportLines = false;
var profile = false;
var profileEdit = false;
var runs = 5;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        switch (args[i])
        {
            case "--checklists": checklists = Number(Value()); break;
            case "--steps": steps = Number(Value()); break;
            case "--out": output = Value(); break;
            case "--library": library = Value(); break;
            case "--analyzer": analyzers.Add(Value()); break;
            case "--report-lines": reportLines = true; break;
            case "--profile": profile = true; break;
            case "--profile-edit": profileEdit = true; break;
            case "--runs": runs = Number(Value()); break;
            case "--peer": peer = Value() is "logging" ? "logging" : throw new ArgumentException("--peer takes 'logging'."); break;
            case "-h" or "--help": Console.WriteLine(Usage); return 0;
            default: throw new ArgumentException($"Unknown option '{args[i]}'.");
        }
    }
    if (steps < SyntheticChecklists.MinimumSteps || checklists < 1)
        throw new ArgumentException($"--checklists must be at least 1 and --steps at least {SyntheticChecklists.MinimumSteps}.");
    if ((reportLines ? 1 : 0) + (profile ? 1 : 0) + (profileEdit ? 1 : 0) + (output is not null ? 1 : 0) != 1)
        throw new ArgumentException("Give one of --out, --report-lines, --profile and --profile-edit.");
    if (output is not null && peer is null && (library is null || analyzers.Count == 0))
        throw new ArgumentException("--out needs --library and at least one --analyzer.");
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

if (profileEdit)
{
    GeneratorProfile.PrintEdit(checklists, steps, runs, Console.Out);
    return 0;
}
if (profile)
{
    GeneratorProfile.Print(checklists, steps, runs, Console.Out);
    return 0;
}
if (output is not null && peer is not null)
{
    var project = SyntheticProject.WriteLoggerMessagePeer(output, checklists, steps);
    Console.WriteLine($"wrote {project}: {checklists} classes x {steps} [LoggerMessage] methods");
    return 0;
}
if (output is not null)
{
    var project = SyntheticProject.Write(output, checklists, steps, library!, analyzers);
    Console.WriteLine($"wrote {project}: {checklists} checklists x {steps} steps");
    return 0;
}

var report = GeneratedLines.Measure(checklists, steps);
Console.WriteLine($"checklists              {report.Checklists}");
Console.WriteLine($"steps                   {report.Steps}");
Console.WriteLine($"generated files         {report.Files}");
Console.WriteLine($"generated lines         {report.Lines} (catalog {report.CatalogLines})");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated lines/step    {report.LinesPerStep:F2}"));
Console.WriteLine($"compile errors          {report.CompileErrors}");
Console.WriteLine($"analyzer diagnostics    {report.AnalyzerDiagnostics}");
// The workload must be safe and compile: anything else makes the measurements meaningless.
return report.CompileErrors == 0 && report.AnalyzerDiagnostics == 0 ? 0 : 1;

static int Number(string text) =>
    int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"'{text}' is not a number.");
