namespace Hyper.Live.Sockets;

/// <summary>
/// Bounds what one socket's client has queued for its sessions and not yet had handled, by
/// count and by bytes. Over either limit the transport stops reading the socket until the
/// sessions catch up, so a client sending faster than its handlers run is slowed down (TCP
/// backpressure) instead of growing the server's memory. A frame larger than the whole
/// budget is still taken when nothing else is queued: the frame size limit bounds it.
/// A struct kept in a mutable field of its socket (never copied): every socket has one.
/// </summary>
internal struct InboundBudget(int maxFrames, long maxBytes)
{
    private readonly int maxFrames = maxFrames;
    private readonly long maxBytes = maxBytes;
    private int frames;
    private long bytes;
    private TaskCompletionSource? waiter;

    /// <summary>Counts a frame handed to a session.</summary>
    public void Take(int size)
    {
        Interlocked.Increment(ref frames);
        Interlocked.Add(ref bytes, size);
    }

    /// <summary>Gives back a frame's share once its session handled (or dropped) it; wakes the reader when there is room again.</summary>
    public void Return(int size)
    {
        var remainingFrames = Interlocked.Decrement(ref frames);
        var remainingBytes = Interlocked.Add(ref bytes, -size);
        if (remainingFrames < maxFrames && remainingBytes < maxBytes)
        {
            Interlocked.Exchange(ref waiter, null)?.TrySetResult();
        }
    }

    /// <summary>Completes when the client may send more: at once while under both limits. Only the socket's reader waits.</summary>
    public Task WaitForRoomAsync()
    {
        if (HasRoom())
        {
            return Task.CompletedTask;
        }

        var wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref waiter, wait);

        // A session may have caught up between the check and the write: look again.
        if (HasRoom())
        {
            Interlocked.Exchange(ref waiter, null)?.TrySetResult();
        }

        return wait.Task;
    }

    private readonly bool HasRoom() => Volatile.Read(in frames) < maxFrames && Interlocked.Read(in bytes) < maxBytes;
}
