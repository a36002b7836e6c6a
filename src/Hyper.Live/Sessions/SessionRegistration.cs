namespace Hyper.Live.Sessions;

/// <summary>
/// What <see cref="SessionRegistry"/> knows of one session: its ids, whose and which view it is, and whether a
/// socket holds it or it waits detached. Every field is read and written under the registry's lock.
/// </summary>
/// <param name="session">The session.</param>
/// <param name="topic">The channel topic (<c>lv:</c> + the page's container id) a reconnecting page rejoins.</param>
/// <param name="user">The fingerprint of the user who joined (a rejoin must come from the same one).</param>
internal sealed class SessionRegistration(LiveSession session, string topic, string user)
{
    public LiveSession Session { get; } = session;

    public string Topic { get; } = topic;

    public string User { get; } = user;

    /// <summary>The view it mounted; null until the mount completed (only a mounted session can be kept or re-attached).</summary>
    public Type? ViewType { get; set; }

    /// <summary>Whether the registration holds <see cref="Topic"/> (a second instance on the same page's topic does not).</summary>
    public bool OwnsTopic { get; set; }

    /// <summary>The socket the session is joined over; null while detached.</summary>
    public ISessionSocket? Owner { get; set; }

    /// <summary>Its place in the detached list, oldest first; null while attached.</summary>
    public LinkedListNode<SessionRegistration>? Detached { get; set; }

    /// <summary>Ends the session when the grace period runs out; null while attached.</summary>
    public ITimer? Expiry { get; set; }
}
