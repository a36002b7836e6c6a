using Hyper.Live.Protocol;

namespace Hyper.Live.Transports;

/// <summary>
/// A transport's frames waiting for a client, counted in bytes against <c>MaxOutboundBytes</c>,
/// and the sessions that held back a render until the client has read them (they coalesce into
/// one diff of the latest state). Not thread-safe: its owner locks it. A queue itself rather than
/// an object holding one, so that each socket pays for no extra object.
/// </summary>
internal sealed class OutboundFrames : Queue<Frame>
{
    private List<IDrainListener>? deferred;

    /// <summary>Bytes of the queued frames.</summary>
    public long Bytes { get; private set; }

    /// <summary>
    /// Queues <paramref name="frame"/> unless it would take the queue past <paramref name="budget"/>;
    /// one frame larger than the whole budget still goes out alone.
    /// </summary>
    public bool TryAdd(Frame frame, long budget)
    {
        if (Count > 0 && Bytes + frame.Length > budget)
        {
            return false;
        }

        Enqueue(frame);
        Bytes += frame.Length;
        return true;
    }

    /// <summary>Takes the oldest frame, if any.</summary>
    public bool TryTake(out Frame frame)
    {
        if (!TryDequeue(out frame))
        {
            return false;
        }

        Bytes -= frame.Length;
        return true;
    }

    /// <summary>Takes every queued frame, oldest first.</summary>
    public List<Frame> TakeAll()
    {
        var frames = new List<Frame>(Count);
        while (TryTake(out var frame))
        {
            frames.Add(frame);
        }

        return frames;
    }

    /// <summary>Registers <paramref name="listener"/> to hear when the queue has drained; false when nothing is queued (send now).</summary>
    public bool Defer(IDrainListener listener)
    {
        if (Count == 0)
        {
            return false;
        }

        (deferred ??= []).Add(listener);
        return true;
    }

    /// <summary>The listeners waiting for the queue to drain, now that it has; null when none waits.</summary>
    public List<IDrainListener>? TakeDeferred()
    {
        var waiting = deferred;
        deferred = null;
        return waiting is { Count: > 0 } ? waiting : null;
    }

    /// <summary>Releases every queued frame and forgets the listeners: the client is gone.</summary>
    public void ReleaseAll()
    {
        deferred = null;
        while (TryTake(out var unsent))
        {
            unsent.Release();
        }
    }
}
