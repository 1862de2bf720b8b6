using ChecklistDsl.Cli.Publishing;

namespace ChecklistDsl.Runbooks.Tests.Infrastructure;

/// <summary>A wiki's git repository for tests: a local bare repository, and ways to look into it.</summary>
internal sealed class BareWiki
{
    private readonly TempFolder temp;
    private int checkouts;

    public BareWiki(TempFolder temp)
    {
        this.temp = temp;
        Path = temp.Combine("wiki.git");
        Git(temp.Path, "init", "--quiet", "--bare", "-b", "main", Path);
    }

    /// <summary>The bare repository: the "URL" publish is given.</summary>
    public string Path { get; }

    /// <summary>Number of commits on main (0 for an empty wiki).</summary>
    public int CommitCount
    {
        get
        {
            var count = ChecklistDsl.Cli.Publishing.Git.Run(Path, "rev-list", "--count", "main");
            return count.Succeeded ? int.Parse(count.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        }
    }

    /// <summary>The subject of the newest commit on main.</summary>
    public string LastSubject => Git(Path, "log", "-1", "--format=%s", "main").Trim();

    /// <summary>The commit main points to.</summary>
    public string Head => Git(Path, "rev-parse", "main").Trim();

    /// <summary>A fresh checkout of main, as a reader of the wiki would see it.</summary>
    public string Checkout()
    {
        var folder = temp.Combine("checkout-" + ++checkouts);
        Git(temp.Path, "clone", "--quiet", Path, folder);
        return folder;
    }

    /// <summary>Someone else edits the wiki: adds a page and pushes.</summary>
    public void PushPageByHand(string file, string content)
    {
        var folder = Checkout();
        File.WriteAllText(System.IO.Path.Combine(folder, file), content);
        Git(folder, "add", file);
        Git(folder, "-c", "user.name=Someone", "-c", "user.email=someone@example.org", "commit", "--quiet", "-m", "Hand-written page");
        Git(folder, "push", "--quiet", "origin", "HEAD:main");
    }

    /// <summary>From now on the wiki refuses every push, as a protected wiki would.</summary>
    public void RejectPushes()
    {
        var hook = System.IO.Path.Combine(Path, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\necho 'wiki is read-only today' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public static string Git(string directory, params string[] arguments)
    {
        var result = ChecklistDsl.Cli.Publishing.Git.Run(directory, arguments);
        Assert.IsTrue(result.Succeeded, $"git {string.Join(' ', arguments)} failed: {result.Explanation}");
        return result.Output;
    }
}
