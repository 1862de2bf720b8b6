using System.Diagnostics;

namespace ChecklistDsl.Tests.Shared;

/// <summary>Headless Chromium (Debian's chromium package), to see what a page draws.</summary>
internal static class Chromium
{
    /// <summary>The browser; inconclusive outside CI when it is not installed, a failure in CI.</summary>
    public static string Require()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail("chromium is missing in CI: .ci/run must install Debian's chromium package.");
        Assert.Inconclusive("chromium not installed (apt-get install chromium).");
        return "";
    }

    /// <summary>
    /// The page's DOM after its scripts ran, with no network: every request that is not to the local
    /// file goes to a proxy that does not exist, so a page that needed a CDN would draw nothing.
    /// </summary>
    public static string DumpDom(string chromium, string page, string profile)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within two minutes");
        }
        Assert.AreEqual(0, process.ExitCode, "chromium failed: " + stderr.Result);
        return dom;
    }
}
