using Xunit;

namespace Yalu.Sync.Tests;

public sealed class DurableFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("yalu-durable-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Write_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(_folder, "peer.bundle");
        DurableFile.WriteAllBytes(path, [1, 2, 3]);
        DurableFile.WriteAllBytes(path, [4, 5]);
        Assert.Equal([4, 5], File.ReadAllBytes(path));
        Assert.Equal(["peer.bundle"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_of_text_is_utf8_without_a_byte_order_mark()
    {
        string path = Path.Combine(_folder, "card.txt");
        DurableFile.WriteAllText(path, "长白");
        Assert.Equal("长白"u8.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public void Write_into_a_missing_folder_throws_and_leaves_nothing()
    {
        string path = Path.Combine(_folder, "missing", "x.bundle");
        Assert.ThrowsAny<IOException>(() => DurableFile.WriteAllBytes(path, [1]));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void Folder_sync_of_a_missing_folder_is_an_error_not_silence()
    {
        Assert.Throws<IOException>(() => DurableFile.SyncFolder(Path.Combine(_folder, "nope")));
    }

    [Fact]
    public void Private_file_is_created_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        string path = Path.Combine(_folder, "node.key");
        DurableFile.WriteAllBytes(path, [1, 2, 3], UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
