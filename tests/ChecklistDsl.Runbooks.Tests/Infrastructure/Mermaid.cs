using ChecklistDsl.Cli.Export;

namespace ChecklistDsl.Runbooks.Tests.Infrastructure;

/// <summary>The local mermaid.min.js that scripts/fetch-mermaid.sh installs (CI runs it first).</summary>
internal static class Mermaid
{
    /// <summary>The script; inconclusive outside CI when it was never fetched, a failure in CI.</summary>
    public static string RequireScript()
    {
        var script = MermaidScript.Find(null);
        if (script is not null)
            return script;
        if (Repository.IsCi)
            Assert.Fail("mermaid.min.js is missing in CI: .ci/run must run scripts/fetch-mermaid.sh before the tests.");
        Assert.Inconclusive("mermaid.min.js not fetched: run scripts/fetch-mermaid.sh.");
        return "";
    }
}
