using System.CommandLine;
using System.Text.Json;
using ChecklistDsl.Cli.Journal;
using Spectre.Console;

namespace ChecklistDsl.Cli.Commands;

/// <summary><c>checklist list</c>: the checklists of the project or assembly.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "List the checklists of the project (or assembly).") { json };
        var source = new ChecklistSourceOptions().AddTo(command);
        command.SetAction(result =>
        {
            using var loaded = source.Load(result);
            if (result.GetValue(json))
            {
                var rows = loaded.Checklists.Select(c => new { c.Name, c.FullName, c.Title, c.Environment, c.IsProduction, Steps = c.Steps.Count, c.Fingerprint });
                Terminal.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(rows, JournalJson.Options));
                return ExitCodes.Completed;
            }
            if (loaded.Checklists.Count == 0)
            {
                Terminal.Out.MarkupLine($"No checklists in {Markup.Escape(loaded.AssemblyPath)}.");
                return ExitCodes.Completed;
            }
            var table = new Table().AddColumns("Name", "Title", "Environment", "Steps");
            foreach (var c in loaded.Checklists)
                table.AddRow(Markup.Escape(c.Name), Markup.Escape(c.Title), Markup.Escape(c.Environment ?? ""), c.Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Terminal.Out.Write(table);
            return ExitCodes.Completed;
        });
        return command;
    }
}
