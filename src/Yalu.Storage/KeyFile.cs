using System.Runtime.InteropServices;

namespace Yalu.Storage;

/// <summary>
/// Writes the node's private key file beside a SQLite database: created with mode 0600 (never
/// readable by another user, not even for a moment), written under a temporary name, fsynced,
/// renamed, and the folder fsynced, so a power cut leaves either no key file or the whole one.
/// Never overwrites an existing key file: losing a node's keys loses the node.
/// </summary>
internal static partial class KeyFile
{
    public static void WriteDurably(string path, ReadOnlySpan<byte> bytes)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        string temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        SyncFolder(folder);
    }

    /// <summary>fsync on the folder, so the new name survives a power cut (a no-op where folders cannot be opened).</summary>
    private static void SyncFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        int fd = Open(folder, 0 /* O_RDONLY */);
        if (fd < 0) return;
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"fsync of the folder {folder} failed (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
