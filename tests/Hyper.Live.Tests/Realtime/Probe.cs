using System.Collections.Concurrent;

namespace Hyper.Live.Tests.Realtime;

/// <summary>A singleton the test views report to, so tests can see what happened on the server.</summary>
public sealed class Probe
{
    public ConcurrentQueue<string> Events { get; } = new();

    public void Record(string what) => Events.Enqueue(what);

    public int Count(string what) => Events.Count(e => e == what);
}
