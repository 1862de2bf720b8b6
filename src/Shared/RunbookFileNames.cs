// Shared source (src/Shared): compiled into the generator (the plan's runbookFileName) and the runbook
// writer (src/ChecklistDsl.Runbooks), which reads assemblies without loading them.
using System.Text.RegularExpressions;

namespace ChecklistDsl.Shared;

/// <summary>A runbook's file name from its class name: Humanizer's <c>Kebaberize</c>, culture-invariant.</summary>
internal static class RunbookFileNames
{
    private static readonly Regex UpperRunBeforeWord = new(@"([\p{Lu}]+)([\p{Lu}][\p{Ll}])", RegexOptions.CultureInvariant);
    private static readonly Regex LowerBeforeUpper = new(@"([\p{Ll}\d])([\p{Lu}])", RegexOptions.CultureInvariant);
    private static readonly Regex DashOrSpace = new(@"[-\s]", RegexOptions.CultureInvariant);

    /// <summary><c>DeploySafelyToProduction</c> becomes <c>deploy-safely-to-production.md</c>.</summary>
    public static string For(string className)
    {
        var words = UpperRunBeforeWord.Replace(className, "$1_$2");
        words = LowerBeforeUpper.Replace(words, "$1_$2");
        words = DashOrSpace.Replace(words, "_");
        return words.ToLowerInvariant().Replace('_', '-') + ".md";
    }
}
