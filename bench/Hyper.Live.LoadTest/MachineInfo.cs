using System.Runtime.InteropServices;

namespace Hyper.Live.LoadTest;

/// <summary>The machine a run happened on, for the report.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, long MemoryBytes, string Kernel, string Runtime, string FileLimit)
{
    /// <summary>The 1-, 5- and 15-minute load averages (<c>/proc/loadavg</c>): other work on the machine shows in latency.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static MachineInfo Read(string fileLimit)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memory = File.ReadLines("/proc/meminfo").First(line => line.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kilobytes = long.Parse(memory.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        return new MachineInfo(cpu, Environment.ProcessorCount, kilobytes * 1024, File.ReadAllText("/proc/sys/kernel/osrelease").Trim(),
            RuntimeInformation.FrameworkDescription, fileLimit);
    }
}
