using System.Diagnostics;

namespace Hyper.Live.Benchmarks;

/// <summary>
/// <c>--spin [seconds] [nothing|full]</c>: runs a table op (by default one row changed) in a loop
/// so an external profiler can attach (<c>dotnet-trace collect -- dotnet …dll --spin 20</c>).
/// </summary>
internal static class Spin
{
    public static void Run(string[] args)
    {
        var index = Array.IndexOf(args, "--spin");
        var seconds = index + 1 < args.Length && int.TryParse(args[index + 1], out var s) ? s : 20;
        var bench = new TableBenchmarks();
        bench.Setup();
        Func<int> op = args.Contains("nothing") ? bench.NothingChanged : args.Contains("full") ? bench.FullRender : bench.OneRowChanged;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var collections = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        long ops = 0;
        var second = 1;
        var (secondOps, secondAllocated, secondStart) = (0L, allocated, TimeSpan.Zero);
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            op();
            ops++;
            if (clock.Elapsed.TotalSeconds >= second)
            {
                // Per second, to see the JIT's tiers settle (tier 0 boxes every formatted hole).
                var now = GC.GetAllocatedBytesForCurrentThread();
                var elapsed = clock.Elapsed - secondStart;
                Console.WriteLine($"  second {second,3}: {elapsed.TotalMicroseconds / (ops - secondOps),7:F1} µs/op, {(now - secondAllocated) / (ops - secondOps),7:N0} B/op");
                (secondOps, secondAllocated, secondStart) = (ops, now, clock.Elapsed);
                second++;
            }
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"{ops:N0} ops in {clock.Elapsed.TotalSeconds:F1} s: {clock.Elapsed.TotalMicroseconds / ops:F1} µs/op, " +
            $"{allocated / ops:N0} B/op allocated, {GC.CollectionCount(0) - collections} gen0 GCs");
    }
}
