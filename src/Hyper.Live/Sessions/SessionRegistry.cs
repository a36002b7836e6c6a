using Hyper.Live.Diagnostics;
using Hyper.Live.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hyper.Live.Sessions;

/// <summary>
/// Every live session of this server, by <see cref="LiveView.SessionId"/> and by the topic of the page it serves,
/// and the sessions whose socket dropped, kept detached for <see cref="HyperLiveOptions.DisconnectedSessionRetention"/>
/// (at most <see cref="HyperLiveOptions.MaxRetainedSessions"/>, the oldest ending first) so that the page's rejoin
/// re-attaches the same instance.
/// </summary>
/// <remarks>
/// Who may re-attach: a rejoin (<c>_mounts</c> ≥ 1) on the same topic whose token passed the join checks (signed for
/// this container, this view and this user) and whose socket's user is the one who joined. Only the page that was
/// rendered with that token can name the topic; another tab has its own. A first join (<c>_mounts</c> = 0) never
/// takes a session over: a copied page mounts its own instance with its own id.
/// </remarks>
internal sealed partial class SessionRegistry : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SessionRegistration> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionRegistration> byTopic = new(StringComparer.Ordinal);
    private readonly LinkedList<SessionRegistration> detached = new();
    private readonly HyperLiveOptions options;
    private readonly HyperLiveMetrics metrics;
    private readonly ILogger logger;
    private bool disposed;

    public SessionRegistry(IOptions<HyperLiveOptions> options, HyperLiveMetrics metrics, ILoggerFactory loggers)
    {
        this.options = options.Value;
        this.metrics = metrics;
        logger = loggers.CreateLogger<SessionRegistry>();
    }

    /// <summary>What a dropped socket must do with one of its sessions.</summary>
    public enum Release
    {
        /// <summary>End it: it is not kept (not mounted, retention off, or the server is stopping).</summary>
        Stop,

        /// <summary>It is kept detached: tell it so.</summary>
        Retained,

        /// <summary>A rejoin over another socket has it already: leave it alone.</summary>
        Claimed,
    }

    /// <summary>Detached sessions now.</summary>
    public int DetachedCount
    {
        get
        {
            lock (gate)
            {
                return detached.Count;
            }
        }
    }

    /// <summary>
    /// Registers a joining session under the id its page's token names (<paramref name="wanted"/>), or a fresh one
    /// when it names none or another session has that id (a second instance on one page); returns the id.
    /// </summary>
    public string Add(LiveSession session, ISessionSocket owner, string user, string? wanted)
    {
        lock (gate)
        {
            var id = wanted is not null && !byId.ContainsKey(wanted) ? wanted : NewId();
            var registration = new SessionRegistration(session, session.Topic, user) { Owner = owner };
            byId[id] = registration;
            if (!byTopic.ContainsKey(session.Topic))
            {
                byTopic[session.Topic] = registration;
                registration.OwnsTopic = true;
            }

            session.Registration = registration;
            return id;
        }

        string NewId()
        {
            string id;
            do
            {
                id = LiveTokens.NewSessionId();
            }
            while (byId.ContainsKey(id));
            return id;
        }
    }

    /// <summary>The session has mounted <paramref name="viewType"/>: from now on it can be kept and re-attached.</summary>
    public void Mounted(LiveSession session, Type viewType)
    {
        lock (gate)
        {
            session.Registration?.ViewType = viewType;
        }
    }

    /// <summary>The session with this <see cref="LiveView.SessionId"/>, attached or detached; null when there is none.</summary>
    public LiveSession? Find(string sessionId)
    {
        lock (gate)
        {
            return byId.TryGetValue(sessionId, out var registration) ? registration.Session : null;
        }
    }

    /// <summary>
    /// Queues <paramref name="message"/> for the <c>HandleInfo</c> of the sessions with these ids (each once, attached or
    /// detached); ids of no session are skipped and counted (<c>hyper_live.broadcasts.unknown_sessions</c>). Returns how
    /// many sessions it was queued for.
    /// </summary>
    public int Deliver(IEnumerable<string> sessionIds, object message)
    {
        var found = new List<LiveSession>();
        var unknown = 0;
        lock (gate)
        {
            foreach (var id in sessionIds.Distinct(StringComparer.Ordinal))
            {
                if (id is not null && byId.TryGetValue(id, out var registration))
                {
                    found.Add(registration.Session);
                }
                else
                {
                    unknown++;
                }
            }
        }

        metrics.BroadcastToUnknown(unknown);
        return Post(found, message);
    }

    /// <summary>Queues <paramref name="message"/> for the <c>HandleInfo</c> of every live session; returns how many.</summary>
    public int DeliverToAll(object message)
    {
        List<LiveSession> all;
        lock (gate)
        {
            all = [.. byId.Values.Select(r => r.Session)];
        }

        return Post(all, message);
    }

    /// <summary>Live sessions now, attached or detached.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return byId.Count;
            }
        }
    }

    // Outside the lock: a mailbox post takes the session's own.
    private static int Post(List<LiveSession> sessions, object message)
    {
        var posted = 0;
        foreach (var session in sessions)
        {
            posted += session.Post(new SessionMessage.Info(message)) ? 1 : 0;
        }

        return posted;
    }

    /// <summary>
    /// The kept session of <paramref name="topic"/> for a rejoin over <paramref name="socket"/> by <paramref name="user"/>
    /// that may mount <paramref name="viewType"/>, now owned by that socket; null when there is none to re-attach.
    /// </summary>
    public LiveSession? Claim(string topic, string user, Type viewType, ISessionSocket socket)
    {
        lock (gate)
        {
            if (disposed || !byTopic.TryGetValue(topic, out var registration) || registration.User != user ||
                registration.ViewType != viewType || registration.Owner == socket)
            {
                return null;
            }

            if (registration.Detached is { } node)
            {
                detached.Remove(node);
                registration.Detached = null;
                registration.Expiry?.Dispose();
                registration.Expiry = null;
                metrics.SessionReattached();
            }

            registration.Owner = socket;
            return registration.Session;
        }
    }

    /// <summary>
    /// <paramref name="owner"/> dropped: keeps <paramref name="session"/> detached when it may be (not when
    /// <paramref name="mayKeep"/> is false: the server closed the socket for a fault of its client), evicting the
    /// oldest detached session past <see cref="HyperLiveOptions.MaxRetainedSessions"/>.
    /// </summary>
    public Release Drop(LiveSession session, ISessionSocket owner, bool mayKeep)
    {
        LiveSession? evicted = null;
        lock (gate)
        {
            var registration = session.Registration;
            if (registration is null)
            {
                return Release.Stop;
            }

            if (registration.Owner != owner)
            {
                return Release.Claimed;
            }

            registration.Owner = null;
            if (!mayKeep || disposed || registration.ViewType is null || !registration.OwnsTopic ||
                options.DisconnectedSessionRetention <= TimeSpan.Zero || options.MaxRetainedSessions <= 0)
            {
                return Release.Stop;
            }

            registration.Detached = detached.AddLast(registration);
            registration.Expiry = TimeProvider.System.CreateTimer(
                static state => ((SessionRegistry)((object[])state!)[0]).Expire((SessionRegistration)((object[])state)[1]),
                new object[] { this, registration },
                options.DisconnectedSessionRetention,
                Timeout.InfiniteTimeSpan);
            metrics.SessionDetached();
            if (detached.Count > options.MaxRetainedSessions && detached.First!.Value is var oldest)
            {
                Forget(oldest);
                evicted = oldest.Session;
            }
        }

        if (evicted is not null)
        {
            LogEvicted(logger, evicted.SessionId, options.MaxRetainedSessions);
            evicted.Stop();
        }

        return evicted == session ? Release.Stop : Release.Retained;
    }

    /// <summary>Forgets a session that ended.</summary>
    public void Remove(LiveSession session)
    {
        lock (gate)
        {
            if (session.Registration is { } registration)
            {
                Forget(registration);
            }
        }
    }

    private void Expire(SessionRegistration registration)
    {
        lock (gate)
        {
            if (registration.Detached is null)
            {
                return; // re-attached meanwhile
            }

            Forget(registration);
        }

        LogExpired(logger, registration.Session.SessionId, options.DisconnectedSessionRetention);
        registration.Session.Stop();
    }

    /// <summary>Removes <paramref name="registration"/> everywhere (under the lock).</summary>
    private void Forget(SessionRegistration registration)
    {
        if (registration.Detached is { } node)
        {
            detached.Remove(node);
            registration.Detached = null;
            metrics.SessionReleased();
        }

        registration.Expiry?.Dispose();
        registration.Expiry = null;
        registration.Owner = null;
        if (registration.Session.SessionId is { } id && byId.TryGetValue(id, out var current) && current == registration)
        {
            byId.Remove(id);
        }

        if (registration.OwnsTopic && byTopic.TryGetValue(registration.Topic, out current) && current == registration)
        {
            byTopic.Remove(registration.Topic);
        }
    }

    /// <summary>Ends every detached session (the server is stopping) and waits for them to unmount.</summary>
    public async ValueTask DisposeAsync()
    {
        List<LiveSession> ending;
        lock (gate)
        {
            disposed = true;
            ending = [.. detached.Select(r => r.Session)];
            foreach (var registration in detached.ToList())
            {
                Forget(registration);
            }
        }

        foreach (var session in ending)
        {
            session.Stop();
        }

        await Task.WhenAll(ending.Select(s => s.Completion)).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Detached session {SessionId} ended: no rejoin within {Retention}")]
    private static partial void LogExpired(ILogger logger, string? sessionId, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Information, Message = "Detached session {SessionId} ended early: more than {Max} detached sessions (MaxRetainedSessions)")]
    private static partial void LogEvicted(ILogger logger, string? sessionId, int max);
}
