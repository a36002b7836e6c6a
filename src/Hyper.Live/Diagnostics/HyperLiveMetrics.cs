using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hyper.Live.Diagnostics;

/// <summary>
/// Hyper.Live's instruments on the <see cref="Meter"/> named <c>Hyper.Live</c> (for
/// <c>dotnet-counters</c>, OpenTelemetry, or any <see cref="MeterListener"/>): open sockets,
/// joined views, events handled, and how long a render and its diff take. The current
/// counts are also kept as plain numbers for the diagnostics endpoint.
/// </summary>
internal sealed class HyperLiveMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Hyper.Live";

    private readonly Counter<long> events;
    private readonly Histogram<double> renderDuration;
    private long sockets;
    private long sessions;
    private long eventCount;

    public HyperLiveMetrics(IMeterFactory meters)
    {
        // The factory owns the meter: it is disposed with the service provider.
        var meter = Meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("hyper_live.sockets", () => Sockets, "{socket}", "Open Phoenix sockets (one per browser tab).");
        meter.CreateObservableUpDownCounter("hyper_live.sessions", () => Sessions, "{session}", "Joined live views, each with its state and what its client holds.");
        events = meter.CreateCounter<long>("hyper_live.events", "{event}", "Client events handled by live views.");
        renderDuration = meter.CreateHistogram<double>("hyper_live.render.duration", "s", "Time to render a view and write its diff, after a join, an event or an info.");
    }

    /// <summary>This app's meter (one per service provider: several apps in a process each have theirs).</summary>
    public Meter Meter { get; }

    /// <summary>Open sockets right now.</summary>
    public long Sockets => Volatile.Read(ref sockets);

    /// <summary>Joined (mounted) live views right now.</summary>
    public long Sessions => Volatile.Read(ref sessions);

    /// <summary>Events handled since the start.</summary>
    public long Events => Volatile.Read(ref eventCount);

    public void SocketOpened() => Interlocked.Increment(ref sockets);

    public void SocketClosed() => Interlocked.Decrement(ref sockets);

    public void SessionStarted() => Interlocked.Increment(ref sessions);

    public void SessionEnded() => Interlocked.Decrement(ref sessions);

    public void EventHandled()
    {
        Interlocked.Increment(ref eventCount);
        events.Add(1);
    }

    /// <summary>Records a render that started at <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Rendered(long startTimestamp)
    {
        if (renderDuration.Enabled)
        {
            renderDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
        }
    }
}
