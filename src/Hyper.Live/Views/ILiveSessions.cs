namespace Hyper.Live;

/// <summary>
/// The live sessions of this server, for code outside views (a controller, a background service): get it from DI to
/// send messages to chosen sessions or all of them. A view has the same as <see cref="LiveView.BroadcastTo"/> and
/// <see cref="LiveView.BroadcastToAll"/>.
/// </summary>
public interface ILiveSessions
{
    /// <summary>Live sessions now (attached, or detached and waiting for their page to come back).</summary>
    int Count { get; }

    /// <summary>
    /// Delivers <paramref name="message"/> to the <c>HandleInfo</c> of the sessions with these <see cref="LiveView.SessionId"/>s;
    /// ids of no live session are skipped (and counted in the <c>hyper_live.broadcasts.unknown_sessions</c> metric).
    /// Returns how many sessions it was delivered to.
    /// </summary>
    int BroadcastTo(IEnumerable<string> sessionIds, object message);

    /// <summary>Delivers <paramref name="message"/> to the <c>HandleInfo</c> of every live session; returns how many.</summary>
    int BroadcastToAll(object message);
}
