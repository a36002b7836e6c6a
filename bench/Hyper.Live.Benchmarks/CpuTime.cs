using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hyper.Live.Benchmarks;

/// <summary>
/// <c>--cpu [seconds]</c>: each benchmark op in a loop, timed by wall clock and by this thread's
/// CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>). On a shared, loaded machine the wall clock
/// includes time spent descheduled; the thread CPU time does not, so it is the steadier number.
/// </summary>
internal static partial class CpuTime
{
    private const int ThreadCpuClock = 3;

    public static void Print(string[] args)
    {
        var index = Array.IndexOf(args, "--cpu");
        var seconds = index + 1 < args.Length && double.TryParse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 4;
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine("--cpu needs Linux (CLOCK_THREAD_CPUTIME_ID).");
            return;
        }

        Console.WriteLine($"Per op, after {seconds:F0} s of warm-up, over {seconds:F0} s (load average at start: {LoadAverage()}):");
        Console.WriteLine($"  {"op",-52} {"wall µs/op",12} {"CPU µs/op",12} {"B/op",10}");

        var counter = new CounterBenchmarks();
        counter.Setup();
        Measure("Counter click", () => counter.Click(), seconds);

        var table = new TableBenchmarks();
        table.Setup();
        Measure("Table: one row changed", table.OneRowChanged, seconds);
        Measure("Table: nothing changed", table.NothingChanged, seconds);
        Measure("Table: full first render (fresh Differ)", table.FullRender, seconds);
        Measure("Table: render only", table.RenderOnly, seconds);
        Measure("Table: render + template lookups", table.RenderAndLookUpTemplates, seconds);

        var bindings = new BindingBenchmarks();
        bindings.Setup();
        Measure("Table: nothing changed, with the binding step", bindings.TableNothingChangedWithWalk, seconds);
        Measure("Table: render + binding step", bindings.TableRenderAndResolve, seconds);
        Measure("List with 1,000 delegates: render only", bindings.DelegateListRenderOnly, seconds);
        Measure("List with 1,000 delegates: render + binding walk", bindings.DelegateListRenderAndResolve, seconds);
    }

    private static void Measure(string name, Func<int> op, double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            op();
        }

        long ops = 0;
        var cpu = ThreadCpuNanoseconds();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 16; i++)
            {
                op();
            }

            ops += 16;
        }

        var wall = clock.Elapsed.TotalMicroseconds / ops;
        var cpuPerOp = (ThreadCpuNanoseconds() - cpu) / 1000.0 / ops;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / ops;
        Console.WriteLine($"  {name,-52} {wall,12:F3} {cpuPerOp,12:F3} {bytes,10:N0}");
    }

    private static long ThreadCpuNanoseconds()
    {
        ClockGetTime(ThreadCpuClock, out var time);
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
