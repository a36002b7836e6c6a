using System.Collections.Concurrent;
using Hyper.Live.State;
using Hyper.Live.Views;

namespace Hyper.Live.Sessions;

/// <summary>
/// State beyond the view: the <see cref="Shared{T}"/> values its last render read (a change re-renders it, however
/// many changes arrive before it gets to it), messages to other sessions by id, and the leases it holds until it ends.
/// </summary>
internal sealed partial class LiveSession
{
    // The shared values the last render read; null when it read none (most views).
    private HashSet<SharedReaders>? reading;

    // 1 while a SharedChanged message is queued: further changes add nothing, so the queue stays bounded.
    private int sharedChangePending;

    // Whether a live component's last render read a shared value: only then are changed values noted, one entry per value.
    private volatile bool componentsReadShared;
    private ConcurrentDictionary<SharedReaders, byte>? changedShared;

    // A change arrived while no component was known to read: the render that made one a reader may have read before it.
    private volatile bool changeNotNoted;

    // Leases held, by resource; released when the session ends.
    private ConcurrentDictionary<string, Lease>? leases;

    void ISharedReader.OnSharedChanged(SharedReaders value)
    {
        if (componentsReadShared)
        {
            LazyInitializer.EnsureInitialized(ref changedShared).TryAdd(value, 0);
        }
        else
        {
            changeNotNoted = true;
        }

        if (Interlocked.Exchange(ref sharedChangePending, 1) == 0)
        {
            Post(SessionMessage.SharedChanged.Instance);
        }
    }

    /// <summary>Renders the latest state of the shared values it reads (and sends the diff, if any).</summary>
    private void RenderSharedChange()
    {
        // Cleared before rendering: a change during the render queues one more, which renders what it changed.
        Volatile.Write(ref sharedChangePending, 0);
        if (changedShared is { IsEmpty: false } changed)
        {
            // A component renders only for its own event, an update or new props: one that read a changed value is marked,
            // its siblings are not. (Taken one by one: a change noted meanwhile stays for the message it queued.)
            List<SharedReaders> values = [];
            foreach (var value in changed.Keys)
            {
                if (changed.TryRemove(value, out _))
                {
                    values.Add(value);
                }
            }

            components?.MarkReaders(values);
        }

        if (changeNotNoted)
        {
            changeNotNoted = false;
            if (componentsReadShared)
            {
                components?.MarkReaders(null);
            }
        }

        if (!IsDetached)
        {
            // A detached session renders nothing: its rejoin gets the whole current state.
            host.Metrics.SharedChangeRendered();
            Render(refValue: null, join: null);
        }
    }

    /// <summary>
    /// After a render: stops reading the shared values it no longer read (components not rendered this time keep what
    /// they read before), and remembers those it did.
    /// </summary>
    private void KeepReading(HashSet<SharedReaders> read)
    {
        componentsReadShared = components?.AddSharedReads(read) == true;
        if (reading is not null)
        {
            foreach (var value in reading)
            {
                if (!read.Contains(value))
                {
                    value.Remove(this);
                }
            }
        }

        if (read.Count == 0)
        {
            reading = null;
        }
        else
        {
            reading ??= [];
            reading.Clear();
            reading.UnionWith(read);
            read.Clear();
        }
    }

    /// <summary>The session ended: it reads nothing any more and holds no lease.</summary>
    private void ReleaseShared()
    {
        foreach (var value in reading ?? [])
        {
            value.Remove(this);
        }

        reading = null;
        foreach (var lease in leases?.Values ?? [])
        {
            lease.Release();
        }
    }

    int ILiveViewHost.BroadcastTo(IEnumerable<string> sessionIds, object message) => host.Sessions.Deliver(sessionIds, message);

    int ILiveViewHost.BroadcastToAll(object message) => host.Sessions.DeliverToAll(message);

    Lease? ILiveViewHost.TryAcquireLease(string resource)
    {
        if (SessionId is not { } id || lifetime.IsCancellationRequested)
        {
            return null;
        }

        leases ??= new(StringComparer.Ordinal);
        if (leases.TryGetValue(resource, out var held))
        {
            return held;
        }

        if (!LeaseTable.TryAcquire(resource, id))
        {
            return null;
        }

        var lease = new Lease(resource, id, released => leases.TryRemove(new KeyValuePair<string, Lease>(released.Resource, released)));
        leases[resource] = lease;
        if (lifetime.IsCancellationRequested)
        {
            // Ended meanwhile (a lease taken from background work): nobody would release it.
            lease.Release();
            return null;
        }

        return lease;
    }
}
