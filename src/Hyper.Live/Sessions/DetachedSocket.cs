using Hyper.Live.Protocol;

namespace Hyper.Live.Sessions;

/// <summary>
/// Where a detached session's frames go: nowhere. The session keeps the context of the socket it was joined over
/// (its services, user and limits) until a rejoin re-attaches it to a new one, which then gets a full render.
/// </summary>
internal sealed class DetachedSocket(SocketContext context) : ISessionSocket, IFrameSink
{
    public IFrameSink Sink => this;

    public SocketContext Context { get; } = context;

    public void Handled(int size)
    {
        // The budget belonged to the socket that is gone.
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
