using System.Diagnostics.Tracing;
using Hyper.Live.Diffing;
using Hyper.Live.Templates;
using Hyper.Live.Protocol;

namespace Hyper.Live.Benchmarks;

/// <summary>
/// <c>--allocs</c>: where a table op's bytes go. Exact bytes per phase from
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>, then a by-type breakdown sampled from
/// the runtime's AllocationTick events (one event per ~100 KB allocated, so it is statistical).
/// </summary>
internal static class AllocationProfile
{
    private const int Ops = 20_000;

    public static void Print()
    {
        var view = SampleViews.Table();
        var differ = new Differ();
        using (RenderArena.Enter())
        {
            Wire.Reply(differ, view.Render(), DiffKeys.Rendered).Release();
        }

        // Let the JIT's tiers settle first (tier 0 boxes every formatted hole; see the README).
        var warmup = System.Diagnostics.Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < 5)
        {
            OneClick(view, differ, out _, out _, out _);
        }

        long render = 0, diff = 0, total = 0;
        const int measured = 1000;
        for (var i = 0; i < measured; i++)
        {
            OneClick(view, differ, out var r, out var d, out var t);
            render += r;
            diff += d;
            total += t;
        }

        Console.WriteLine("Table one row changed, bytes allocated per op (exact, mean of 1,000 ops after 5 s of warm-up):");
        Console.WriteLine($"  render (Render(): Html.Each, rows into the arena)   {render / measured,8:N0} B");
        Console.WriteLine($"  diff + reply frame (Differ.Write, FrameWriter)      {diff / measured,8:N0} B");
        Console.WriteLine($"  whole op, scope enter to dispose                   {total / measured,8:N0} B");
        Console.WriteLine();

        using var listener = new AllocationListener();
        listener.MarkThisThread();
        for (var i = 0; i < Ops; i++)
        {
            OneClick(view, differ, out _, out _, out _);
        }

        listener.Dispose();
        var sampled = listener.Bytes.Values.Sum();
        Console.WriteLine($"By type, sampled over {Ops:N0} ops ({listener.Events:N0} AllocationTick events, ~{sampled / Ops:N0} B/op attributed):");
        foreach (var (type, bytes) in listener.Bytes.OrderByDescending(p => p.Value).Take(15))
        {
            Console.WriteLine($"  {bytes * 100.0 / sampled,5:F1} %  ~{bytes / Ops,7:N0} B/op  {type}");
        }
    }

    private static void OneClick(TableView view, Differ differ, out long render, out long diff, out long total)
    {
        view.Update();
        var start = GC.GetAllocatedBytesForCurrentThread();
        long afterRender;
        using (RenderArena.Enter())
        {
            var html = view.Render();
            afterRender = GC.GetAllocatedBytesForCurrentThread();
            Wire.Reply(differ, html).Release();
            diff = GC.GetAllocatedBytesForCurrentThread() - afterRender;
        }

        var end = GC.GetAllocatedBytesForCurrentThread();
        render = afterRender - start;
        total = end - start;
    }

    private sealed class AllocationListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly object gate = new();
        private long benchmarkThread = -1;

        /// <summary>Learns the calling thread's OS id from an event it writes.</summary>
        public void MarkThisThread()
        {
            EnableEvents(ThreadMarker.Log, EventLevel.Informational);
            ThreadMarker.Log.Mark();
            while (Interlocked.Read(ref benchmarkThread) < 0)
            {
                Thread.Sleep(10);
            }
        }

        public Dictionary<string, long> Bytes { get; } = [];

        public int Events { get; private set; }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventSource.Name == ThreadMarker.Log.Name)
            {
                Interlocked.Exchange(ref benchmarkThread, eventData.OSThreadId);
                return;
            }

            // Only the benchmark thread's allocations: the listener's own (boxed payloads on the
            // dispatch thread) would otherwise swamp the profile.
            if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) ||
                eventData.Payload is null || eventData.OSThreadId != Interlocked.Read(ref benchmarkThread))
            {
                return;
            }

            var index = eventData.PayloadNames!.IndexOf("TypeName");
            var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
            var type = index >= 0 ? eventData.Payload[index] as string ?? "?" : "?";
            var amount = amountIndex >= 0 ? Convert.ToInt64(eventData.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
            lock (gate)
            {
                Events++;
                Bytes[type] = Bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}

[EventSource(Name = "Hyper-Live-Benchmarks-ThreadMarker")]
internal sealed class ThreadMarker : EventSource
{
    public static readonly ThreadMarker Log = new();

    [Event(1)]
    public void Mark() => WriteEvent(1);
}
