using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Hyper.Live.Diagnostics;
using Hyper.Live.Protocol;
using Hyper.Live.Sessions;

namespace Hyper.Live.Sockets;

/// <summary>
/// The Phoenix socket of one connection, independent of its transport: answers heartbeats,
/// routes frames to the live session of their topic, starts sessions on join (replacing a
/// duplicate), and answers frames it cannot route or read with an error reply.
/// </summary>
internal sealed partial class PhoenixSocket : ISessionSocket, IAsyncDisposable
{
    private const string BadPatch = "live_patch needs an absolute http or https 'url'";

    private readonly SessionTable sessions = new();
    private readonly LiveHost host;
    private readonly ILogger logger;
    private WarningThrottle malformedWarnings;

    public PhoenixSocket(IFrameSink sink, SocketContext context, LiveHost host)
    {
        Sink = sink;
        Context = context;
        this.host = host;
        logger = host.Loggers.CreateLogger<PhoenixSocket>();
        inbound = new InboundBudget(host.Options.MaxInboundFrames, host.Options.MaxInboundBytes);
        malformedWarnings = new WarningThrottle(host.Options.ClientErrorLogInterval);
        Connection = new LiveConnection(context.User, context.Request.Features.Get<IHttpConnectionFeature>()?.RemoteIpAddress, SessionIds);
    }

    /// <summary>The socket as the app sees it (connection events, logging scope).</summary>
    public LiveConnection Connection { get; }

    public IFrameSink Sink { get; }

    public SocketContext Context { get; }

    /// <summary>Whether the client went over its limit of rate-limited events: the socket is then closed.</summary>
    public bool IsAbusive => Context.Limits.Abusive;

    /// <summary>
    /// Handles one text frame. Returns false when the frame was unreadable (not a JSON array
    /// with a well-formed ref and topic to answer) or the client is <see cref="IsAbusive"/>:
    /// the transport then closes the connection.
    /// </summary>
    public bool Receive(ReadOnlySpan<byte> utf8)
    {
        if (IsAbusive)
        {
            LogAbusive(logger, host.Options.RateLimitedEventLimit);
            return false;
        }

        var parsed = FrameParser.Parse(utf8);
        if (parsed.Message is not { } message)
        {
            Malformed(parsed.Error!);
            if (parsed.Ref is null || parsed.Topic is null)
            {
                return false;
            }

            Reply(parsed.JoinRef, parsed.Ref, parsed.Topic, "malformed frame: " + parsed.Error);
            return true;
        }

        if (message.Topic == PhoenixEvents.PhoenixTopic)
        {
            if (message.Event == PhoenixEvents.Heartbeat)
            {
                Sink.TrySend(FrameWriter.Current.Reply(null, message.Ref, message.Topic, ok: true));
            }
            else
            {
                Reply(message.JoinRef, message.Ref, message.Topic, $"unknown event '{message.Event}'");
            }

            return true;
        }

        if (message.Topic.StartsWith(PhoenixEvents.UploadTopicPrefix, StringComparison.Ordinal))
        {
            ReceiveUpload(message, utf8.Length);
            return true;
        }

        switch (message.Event)
        {
            case PhoenixEvents.Join:
                Join(message, utf8.Length);
                break;
            case PhoenixEvents.Leave when sessions.TryRemove(message.Topic, out var leaving):
                Post(leaving, message, utf8.Length);
                break;
            case PhoenixEvents.Leave:
                // Phoenix answers leaves of unknown topics too: the client's dead view leaves "lv:".
                Sink.TrySend(FrameWriter.Current.Reply(message.JoinRef, message.Ref, message.Topic, ok: true));
                break;
            case PhoenixEvents.LivePatch when WireUrl.Read(message.Payload, "url") is null:
                // Only the page's own http(s) URL can be patched to; a javascript:, file: or relative URL never reaches the view.
                Malformed(BadPatch);
                Reply(message.JoinRef, message.Ref, message.Topic, "malformed frame: " + BadPatch);
                break;
            case not (PhoenixEvents.Event or PhoenixEvents.LivePatch or PhoenixEvents.AllowUpload or PhoenixEvents.Progress
                or PhoenixEvents.CidsWillDestroy or PhoenixEvents.CidsDestroyed):
                // Checked here, where its warning is throttled, rather than by the session.
                Malformed($"unsupported event '{message.Event}'");
                Sink.TrySend(FrameWriter.Current.ErrorReply(message.JoinRef, message.Ref, message.Topic, $"unsupported event '{message.Event}'", ok: false));
                break;
            default:
                if (!sessions.TryGet(message.Topic, out var session) || !Post(session, message, utf8.Length))
                {
                    Reply(message.JoinRef, message.Ref, message.Topic, "unmatched topic");
                }

                break;
        }

        return true;
    }

    /// <summary>The client's frames queued for sessions and not yet handled; the transport stops reading while it is full.</summary>
    private InboundBudget inbound;

    public void Handled(int size) => inbound.Return(size);

    /// <summary>Completes when the client may send more: at once unless its queued frames fill the inbound budget.</summary>
    public Task WaitForInboundRoomAsync() => inbound.WaitForRoomAsync();

    /// <summary>Queues a client frame for <paramref name="session"/>, counted against the inbound budget until handled.</summary>
    private bool Post(LiveSession session, PhoenixMessage message, int size)
    {
        inbound.Take(size);
        if (session.Post(new SessionMessage.FromClient(message, size)))
        {
            return true;
        }

        inbound.Return(size);
        return false;
    }

    /// <summary>Forgets a session that ended on its own (crash, refused join, leave).</summary>
    public void Remove(LiveSession session) =>
        sessions.Remove(session);

    public bool Replace(LiveSession current, LiveSession replacement) => sessions.Replace(current, replacement);

    /// <summary>
    /// The socket dropped: its sessions end, or go on detached for a rejoin to re-attach (<see cref="SessionRegistry"/>);
    /// waits for those that end to unmount. A socket the server closed for a fault of its client keeps nothing, nor
    /// does one its client closed on purpose, without a code (1005) or with 1000: the Phoenix client does that when
    /// the page goes away (<c>pagehide</c>: the tab closed, another page loaded; it reloads rather than rejoins should
    /// the page come back) or the app calls <c>disconnect()</c>, save for a heartbeat timeout (1000 "heartbeat
    /// timeout"), after which it reconnects.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var ending = new List<LiveSession>();
        var pageWentAway = Connection is { ClosedByClient: true, CloseStatus: 1000 or 1005 } && Connection.CloseReason != "heartbeat timeout";
        var mayKeep = Connection.Error is null && !pageWentAway;
        foreach (var session in sessions.RemoveAll())
        {
            switch (host.Sessions.Drop(session, this, mayKeep))
            {
                case SessionRegistry.Release.Stop:
                    session.Stop(close: false);
                    ending.Add(session);
                    break;
                case SessionRegistry.Release.Retained:
                    session.Post(new SessionMessage.Detach(this));
                    break;
            }
        }

        await Task.WhenAll(ending.Select(s => s.Completion)).ConfigureAwait(false);
        LogDisconnected(logger, Connection.CloseStatus, Connection.CloseReason);
        Notify(host.Options.OnSocketDisconnected, "OnSocketDisconnected");
    }

    /// <summary>Starts a logging scope with the socket's id and its sessions' ids, read as each line is logged.</summary>
    public IDisposable? BeginLogScope() => logger.BeginScope(new ConnectionLogScope(Connection));

    /// <summary>Tells the app the socket is open (<see cref="HyperLiveOptions.OnSocketConnected"/>).</summary>
    public void Opened()
    {
        LogConnected(logger);
        Notify(host.Options.OnSocketConnected, "OnSocketConnected");
    }

    private void Notify(Action<LiveConnection>? handler, string name)
    {
        try
        {
            handler?.Invoke(Connection);
        }
        catch (Exception error)
        {
            // The app's handler failing must not take the socket (or the server) down with it.
            LogHandlerFailed(logger, error, name);
        }
    }

    /// <summary>The <see cref="LiveView.SessionId"/> of each session joined over this socket (a joining one has none yet).</summary>
    private string[] SessionIds() => [.. sessions.All().Select(session => session.SessionId).OfType<string>()];

    private void Join(PhoenixMessage message, int size)
    {
        if (!message.Topic.StartsWith(PhoenixEvents.ViewTopicPrefix, StringComparison.Ordinal) ||
            message.Topic.Length == PhoenixEvents.ViewTopicPrefix.Length)
        {
            Reply(message.JoinRef, message.Ref, message.Topic, "unmatched topic");
            return;
        }

        if (JoinRequest.Problem(message.Payload) is { } problem)
        {
            // Refused before it can replace a joined view; "stale" makes a real client reload the page for fresh tokens.
            Malformed($"join of {message.Topic}: {problem}");
            Sink.TrySend(FrameWriter.Current.JoinRefusal(message.JoinRef, message.Ref, message.Topic, "stale"));
            return;
        }

        if (sessions.TryRemove(message.Topic, out var duplicate))
        {
            // A rejoin on the same connection (after a timeout or a crash race): the old instance goes.
            duplicate.Stop(close: true);
        }

        if (JoinRefusal() is { } refusal)
        {
            host.Metrics.JoinRefused(refusal);
            LogJoinRefused(logger, message.Topic, refusal);
            Reply(message.JoinRef, message.Ref, message.Topic, refusal);
            return;
        }

        var session = new LiveSession(this, message.Topic, host);
        sessions.Set(message.Topic, session);
        Post(session, message, size);
        session.Start();
    }

    /// <summary>Why a join must be refused for a limit, or null when it may go ahead.</summary>
    private string? JoinRefusal() =>
        sessions.Count >= host.Options.MaxViewsPerSocket ? "too many channels joined"
        : !Context.Limits.TryJoin() ? "too many joins"
        : host.Options.MaxSessions is { } maxSessions && host.Metrics.Sessions >= maxSessions ? "server full"
        : null;

    private void Reply(string? joinRef, string? refValue, string topic, string reason) =>
        Sink.TrySend(FrameWriter.Current.Reply(joinRef, refValue, topic, ok: false, reason));

    /// <summary>Logs a malformed frame: at Warning once per interval, at Debug in between.</summary>
    private void Malformed(string reason)
    {
        var level = malformedWarnings.Next(out var heldBack);
        LogMalformedFrame(logger, level, reason, heldBack);
    }

    [LoggerMessage(Message = "Malformed frame from a client: {Reason} ({HeldBack} more from this socket since the last warning, logged at Debug)")]
    private static partial void LogMalformedFrame(ILogger logger, LogLevel level, string reason, int heldBack);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket connected")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket disconnected ({Status} {Reason})")]
    private static partial void LogDisconnected(ILogger logger, int? status, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "HyperLiveOptions.{Handler} threw")]
    private static partial void LogHandlerFailed(ILogger logger, Exception error, string handler);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join of {Topic} refused: {Reason}")]
    private static partial void LogJoinRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a socket that went over {Limit} rate-limited events")]
    private static partial void LogAbusive(ILogger logger, string? limit);
}
