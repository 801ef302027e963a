using System.Runtime.InteropServices;

namespace Yalu.Sync;

/// <summary>
/// Writes a file another node will read (a bundle, a card) so that a power cut leaves either the old
/// file or the whole new one: the bytes go to a temporary name in the same folder, are fsynced, the
/// temporary file is renamed over the target, and the folder is fsynced so the rename itself lasts.
/// </summary>
public static partial class DurableFile
{
    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/> durably, replacing any file there.
    /// <paramref name="mode"/> (POSIX only; default: the process's umask decides) is set when the
    /// temporary file is created, so a private key file written with
    /// <c>UnixFileMode.UserRead | UnixFileMode.UserWrite</c> is never readable by others, not even briefly.
    /// </summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, UnixFileMode? mode = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no folder", nameof(path));
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
            if (mode is { } m && !OperatingSystem.IsWindows()) options.UnixCreateMode = m;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
        SyncFolder(folder);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte order mark) durably.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Fsyncs a folder, so a rename in it survives a power cut (POSIX only; Windows has no folder fsync).</summary>
    public static void SyncFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        int fd = Open(folder, ORdOnly | (OperatingSystem.IsLinux() ? ODirectoryLinux : 0));
        if (fd < 0) throw new IOException($"cannot open folder '{folder}' to fsync it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"fsync of folder '{folder}' failed (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private const int ORdOnly = 0;
    private const int ODirectoryLinux = 0x10000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
