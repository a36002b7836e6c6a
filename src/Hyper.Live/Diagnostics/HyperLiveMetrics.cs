using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hyper.Live.Diagnostics;

/// <summary>
/// Hyper.Live's instruments on the <see cref="Meter"/> named <c>Hyper.Live</c> (for
/// <c>dotnet-counters</c>, OpenTelemetry, or any <see cref="MeterListener"/>): open sockets,
/// joined views, events handled, what the limits refused, and how long a render and its diff take. The current
/// counts are also kept as plain numbers for the diagnostics endpoint.
/// </summary>
internal sealed class HyperLiveMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Hyper.Live";

    private readonly Counter<long> events;
    private readonly Counter<long> rateLimitedEvents;
    private readonly Counter<long> refusedJoins;
    private readonly Counter<long> refusedSockets;
    private readonly Histogram<double> renderDuration;
    private readonly Counter<long> reattached;
    private readonly Counter<long> diffPushes;
    private readonly Counter<long> sharedRenders;
    private readonly Counter<long> unknownSessions;
    private long diffPushCount;
    private long sharedRenderCount;
    private long unknownSessionCount;
    private long detachedSessions;
    private long sockets;
    private long sessions;
    private long eventCount;
    private long rateLimitedCount;
    private long refusedJoinCount;
    private long refusedSocketCount;

    public HyperLiveMetrics(IMeterFactory meters)
    {
        // The factory owns the meter: it is disposed with the service provider.
        var meter = Meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("hyper_live.sockets", () => Sockets, "{socket}", "Open Phoenix sockets (one per browser tab).");
        meter.CreateObservableUpDownCounter("hyper_live.sessions", () => Sessions, "{session}", "Joined live views, each with its state and what its client holds.");
        events = meter.CreateCounter<long>("hyper_live.events", "{event}", "Client events handled by live views.");
        rateLimitedEvents = meter.CreateCounter<long>("hyper_live.events.rate_limited", "{event}", "Client events refused for a rate limit.");
        refusedJoins = meter.CreateCounter<long>("hyper_live.joins.refused", "{join}", "Joins refused for a limit (tagged with the reason).");
        refusedSockets = meter.CreateCounter<long>("hyper_live.sockets.refused", "{socket}", "Socket upgrades refused because their IP address had too many open.");
        meter.CreateObservableUpDownCounter("hyper_live.sessions.detached", () => DetachedSessions, "{session}",
            "Live sessions whose socket dropped, kept for a rejoin to re-attach (also counted in hyper_live.sessions).");
        reattached = meter.CreateCounter<long>("hyper_live.sessions.reattached", "{session}", "Detached sessions a rejoin re-attached, state intact.");
        diffPushes = meter.CreateCounter<long>("hyper_live.diffs.pushed", "{diff}", "Diffs pushed to clients without a request: after infos, timers, broadcasts and shared-value changes.");
        sharedRenders = meter.CreateCounter<long>("hyper_live.shared.renders", "{render}", "Renders of views because a Shared value they read changed (many changes before a render count once).");
        unknownSessions = meter.CreateCounter<long>("hyper_live.broadcasts.unknown_sessions", "{session}", "Session ids BroadcastTo named that no live session has.");
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

    /// <summary>Events refused for a rate limit since the start.</summary>
    public long RateLimitedEvents => Volatile.Read(ref rateLimitedCount);

    /// <summary>Joins refused for a limit since the start.</summary>
    public long RefusedJoins => Volatile.Read(ref refusedJoinCount);

    /// <summary>Socket upgrades refused for the per-address limit since the start.</summary>
    public long RefusedSockets => Volatile.Read(ref refusedSocketCount);

    /// <summary>Diffs pushed without a request since the start.</summary>
    public long DiffPushes => Volatile.Read(ref diffPushCount);

    /// <summary>Renders caused by a change of a shared value since the start.</summary>
    public long SharedRenders => Volatile.Read(ref sharedRenderCount);

    /// <summary>Session ids of no live session that <c>BroadcastTo</c> was given since the start.</summary>
    public long UnknownSessions => Volatile.Read(ref unknownSessionCount);

    public void DiffPushed() => Count(ref diffPushCount, diffPushes);

    public void SharedChangeRendered() => Count(ref sharedRenderCount, sharedRenders);

    public void BroadcastToUnknown(int count)
    {
        if (count > 0)
        {
            Count(ref unknownSessionCount, unknownSessions, count);
        }
    }

    public void SocketOpened() => Interlocked.Increment(ref sockets);

    public void SocketClosed() => Interlocked.Decrement(ref sockets);

    /// <summary>Detached sessions right now.</summary>
    public long DetachedSessions => Volatile.Read(ref detachedSessions);

    public void SessionDetached() => Interlocked.Increment(ref detachedSessions);

    /// <summary>A detached session ended (expired, evicted or the server stopped).</summary>
    public void SessionReleased() => Interlocked.Decrement(ref detachedSessions);

    public void SessionReattached()
    {
        Interlocked.Decrement(ref detachedSessions);
        reattached.Add(1);
    }

    public void SessionStarted() => Interlocked.Increment(ref sessions);

    public void SessionEnded() => Interlocked.Decrement(ref sessions);

    public void EventHandled() => Count(ref eventCount, events);

    public void EventRateLimited() => Count(ref rateLimitedCount, rateLimitedEvents);

    /// <summary>Counts a join refused for a limit; <paramref name="reason"/> is the refusal sent to the client.</summary>
    public void JoinRefused(string reason)
    {
        Interlocked.Increment(ref refusedJoinCount);
        refusedJoins.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void SocketRefused() => Count(ref refusedSocketCount, refusedSockets);

    /// <summary>Records a render that started at <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Rendered(long startTimestamp)
    {
        if (renderDuration.Enabled)
        {
            renderDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
        }
    }

    /// <summary>Adds <paramref name="by"/> to a plain total (for the diagnostics endpoint) and to its instrument.</summary>
    private static void Count(ref long total, Counter<long> counter, int by = 1)
    {
        Interlocked.Add(ref total, by);
        counter.Add(by);
    }
}
