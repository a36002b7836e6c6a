
namespace Hyper.Live.Protocol;

/// <summary>Where a socket's outgoing frames go: the transport's single writer.</summary>
internal interface IFrameSink
{
    /// <summary>Queues a frame; false (and the frame released) when the client is gone or too far behind.</summary>
    bool TrySend(Frame frame);

    /// <summary>
    /// When frames are still waiting to be sent (the client is behind), registers
    /// <paramref name="listener"/> to be told once they are all sent and returns true: a render
    /// can then wait and send one diff of the latest state instead of one per change. False when
    /// nothing is waiting: send now.
    /// </summary>
    bool TryDefer(IDrainListener listener);
}
