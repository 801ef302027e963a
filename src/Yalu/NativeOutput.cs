using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Yalu.Cli;

/// <summary>
/// Keeps standard output for Yalu's own reports. Native solver code (CBC's preprocessing) prints
/// diagnostics with printf to file descriptor 1, which would corrupt <c>--json</c>; on Unix the
/// real standard output is moved to a new descriptor for Yalu, and descriptor 1 is pointed at
/// standard error, where such chatter belongs.
/// </summary>
internal static partial class NativeOutput
{
    /// <summary>A stream on the real standard output; native writes to descriptor 1 go to standard error from now on.</summary>
    public static Stream OpenStandardOutput()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return Console.OpenStandardOutput();
        int saved = Dup(1);
        if (saved < 0 || Dup2(2, 1) < 0) return Console.OpenStandardOutput();
        return new FileStream(new SafeFileHandle(saved, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int oldFd, int newFd);
}
