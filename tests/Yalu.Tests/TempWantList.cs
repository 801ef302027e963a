namespace Yalu.Tests;

/// <summary>A want-list file in a fresh temporary folder, deleted with the folder on dispose.</summary>
internal sealed class TempWantList : IDisposable
{
    private readonly string _folder;

    public TempWantList(string text, string name = "wants.txt")
    {
        _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "yalu-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, name);
        File.WriteAllText(Path, text);
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>A path in the same folder that does not exist.</summary>
    public string Missing => System.IO.Path.Combine(_folder, "no-such-file.txt");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
