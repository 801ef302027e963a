using System.Runtime.InteropServices;

namespace Yalu.Cli;

/// <summary>
/// Writes a file so that a crash or a power cut leaves either the old file or the whole new one:
/// the content goes to a temporary file beside it, is flushed to disk (fsync), renamed over the
/// target, and the folder is flushed too so the rename itself survives.
/// </summary>
internal static partial class DurableFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; on failure the target is untouched and the temporary file removed.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        SyncFolder(folder);
    }

    /// <summary>fsync on the folder, so the rename is on disk; a no-op where folders cannot be opened (Windows).</summary>
    private static void SyncFolder(string folder)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return;
        int fd = Open(folder, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"cannot open {folder} to flush it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"cannot flush {folder} (errno {Marshal.GetLastPInvokeError()})");
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
