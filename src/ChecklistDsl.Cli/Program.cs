using System.CommandLine;
using ChecklistDsl.Cli;
using ChecklistDsl.Cli.Commands;

// One line per verb: each lives in Commands/<Verb>Command.cs with a static Create().
var root = new RootCommand("checklist: run operational checklists (runbooks as code) step by step, with a crash-safe journal.")
{
    ListCommand.Create(),
    ShowCommand.Create(),
    GraphCommand.Create(),
    RunCommand.Create(),
    ResumeCommand.Create(),
    StatusCommand.Create(),
    ReportCommand.Create(),
    VerifyCommand.Create(),
    UnlockCommand.Create(),
    HistoryCommand.Create(),
    AbandonCommand.Create(),
    ApproveCommand.Create(),
    RejectCommand.Create(),
    StoreCommand.Create(),
    ChecklistSourceOptions.With(ExportCommand.Create),
    ChecklistSourceOptions.With(PublishCommand.Create),
};
return await CliHost.InvokeAsync(root, args);
