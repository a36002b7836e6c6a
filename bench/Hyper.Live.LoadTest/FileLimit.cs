using System.Runtime.InteropServices;

namespace Hyper.Live.LoadTest;

/// <summary>Raises this process's open-file limit: every socket the harness holds is a file descriptor.</summary>
internal static partial class FileLimit
{
    private const int NoFile = 7; // RLIMIT_NOFILE on Linux

    /// <summary>Raises the soft limit to 1,048,576 if allowed, else to the hard limit; returns the limit in force.</summary>
    public static ulong Raise()
    {
        if (!OperatingSystem.IsLinux() || GetLimit(NoFile, out var limit) != 0)
        {
            return 0;
        }

        var wanted = new Limit { Current = 1 << 20, Maximum = Math.Max(1UL << 20, limit.Maximum) };
        if (SetLimit(NoFile, in wanted) == 0)
        {
            return wanted.Current;
        }

        // Raising the hard limit needs CAP_SYS_RESOURCE; the soft limit may always reach the hard one.
        var soft = new Limit { Current = limit.Maximum, Maximum = limit.Maximum };
        return SetLimit(NoFile, in soft) == 0 ? soft.Current : limit.Current;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetLimit(int resource, out Limit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetLimit(int resource, in Limit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct Limit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
