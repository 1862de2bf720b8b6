namespace ChecklistDsl.Tests.Shared;

/// <summary>A fresh folder under the system temp folder for one test, deleted on dispose.</summary>
internal class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "checklist-tests", Guid.NewGuid().ToString("N")[..12]);

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || !Directory.Exists(Path))
            return;
        try
        {
            // git marks its objects read-only.
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
                File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process a test killed may hold a file for a moment; the system cleans its temp folder later.
        }
    }
}
