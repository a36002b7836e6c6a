using Hyper.Live.Protocol;

namespace Hyper.Live.Sessions;

/// <summary>
/// Where a detached session's frames go: nowhere, until a rejoin re-attaches it to a new socket, which then gets a
/// full render. It holds nothing of the socket that dropped (its request, its buffers), so a detached session costs
/// less than an attached one; a detached session reads no socket context (it gets no frames, and its view has its
/// own service scope).
/// </summary>
internal sealed class DetachedSocket : ISessionSocket, IFrameSink
{
    /// <summary>The one instance: it holds no state.</summary>
    public static readonly DetachedSocket Instance = new();

    private DetachedSocket()
    {
    }

    public IFrameSink Sink => this;

    public SocketContext Context => throw new InvalidOperationException("A detached session has no socket: its request went with it.");

    public void Handled(int size)
    {
        // The budget belonged to the socket that is gone.
    }

    public void RouteUpload(string topic, LiveSession session)
    {
        // No frames reach a detached session, so no upload channel joins it.
    }

    public void UnrouteUpload(string topic, LiveSession session)
    {
        // Its upload channels went with the socket that dropped.
    }

    public void Remove(LiveSession session)
    {
        // No socket holds the session; the registry forgets it when it stops.
    }

    public bool Replace(LiveSession current, LiveSession replacement) => false;

    public bool TrySend(Frame frame)
    {
        // Dropped, not queued: the rejoin renders the whole current state instead.
        frame.Release();
        return false;
    }

    public bool TryDefer(IDrainListener listener) => false;
}
