
namespace Hyper.Live.Protocol;

/// <summary>Where a socket's outgoing frames go: the transport's single writer.</summary>
internal interface IFrameSink
{
    /// <summary>Queues a frame; false (and the frame released) when the client is gone or too far behind.</summary>
    bool TrySend(Frame frame);
}
