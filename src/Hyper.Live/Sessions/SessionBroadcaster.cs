namespace Hyper.Live.Sessions;

/// <summary><see cref="ILiveSessions"/> over the registry of this app's sessions.</summary>
internal sealed class SessionBroadcaster(SessionRegistry sessions) : ILiveSessions
{
    public int Count => sessions.Count;

    public int BroadcastTo(IEnumerable<string> sessionIds, object message)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        ArgumentNullException.ThrowIfNull(message);
        return sessions.Deliver(sessionIds, message);
    }

    public int BroadcastToAll(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return sessions.DeliverToAll(message);
    }
}
