using Hyper.Live.Protocol;

namespace Hyper.Live.Sessions;

/// <summary>The socket a session was joined over, as the session sees it.</summary>
internal interface ISessionSocket
{
    /// <summary>Where the session's frames go.</summary>
    IFrameSink Sink { get; }

    /// <summary>The socket's request: its user, services and CSRF check.</summary>
    SocketContext Context { get; }

    /// <summary>A frame of <paramref name="size"/> bytes was handled or dropped: it no longer counts against the inbound budget.</summary>
    void Handled(int size);

    /// <summary>Sends the frames of the upload channel <paramref name="topic"/> (chunks, leave) to <paramref name="session"/> from now on.</summary>
    void RouteUpload(string topic, LiveSession session);

    /// <summary>Stops routing the upload channel <paramref name="topic"/> to <paramref name="session"/>.</summary>
    void UnrouteUpload(string topic, LiveSession session);

    /// <summary>Forgets <paramref name="session"/>: it ended on its own (a leave, a crash, a navigation away).</summary>
    void Remove(LiveSession session);

    /// <summary>
    /// Routes the topic of <paramref name="current"/> to <paramref name="replacement"/> instead (a rejoin re-attached a
    /// session kept from an earlier socket); false when <paramref name="current"/> no longer holds its topic.
    /// </summary>
    bool Replace(LiveSession current, LiveSession replacement);
}
