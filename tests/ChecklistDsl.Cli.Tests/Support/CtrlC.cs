using System.Diagnostics;

namespace ChecklistDsl.Cli.Tests.Support;

/// <summary>Ctrl-C at a chosen point: the tool runs until its journal has a given record, then gets SIGINT.</summary>
internal static class CtrlC
{
    /// <summary>Runs <c>checklist ARGS --assembly SampleChecklists.dll</c>, sends SIGINT once <paramref name="recordText"/> is in its journal, and waits for the end.</summary>
    public static CliResult After(TempFolder folder, string recordText, params string[] args)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Inconclusive("SIGINT is sent with kill(1).");
        using var process = CliProcess.Start(folder.Path, null, [.. args, "--assembly", SampleChecklists.AssemblyPath], out var stdout, out var stderr);
        Journals.WaitForRecord(folder, recordText, process);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])!)
            kill.WaitForExit();
        return CliProcess.Wait(process, stdout, stderr);
    }
}
