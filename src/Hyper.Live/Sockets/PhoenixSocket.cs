using Microsoft.Extensions.Logging;
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
    private readonly SessionTable sessions = new();
    private readonly LiveHost host;
    private readonly ILogger logger;

    public PhoenixSocket(IFrameSink sink, SocketContext context, LiveHost host)
    {
        Sink = sink;
        Context = context;
        this.host = host;
        logger = host.Loggers.CreateLogger<PhoenixSocket>();
    }

    public IFrameSink Sink { get; }

    public SocketContext Context { get; }

    /// <summary>
    /// Handles one text frame. Returns false when the frame was unreadable (not a JSON array
    /// with a ref and topic to answer): the transport then closes the connection.
    /// </summary>
    public bool Receive(ReadOnlySpan<byte> utf8)
    {
        if (Context.Limits.Abusive)
        {
            LogAbusive(logger, host.Options.RateLimitedEventLimit);
            return false;
        }

        var parsed = FrameParser.Parse(utf8);
        if (parsed.Message is not { } message)
        {
            LogMalformedFrame(logger, parsed.Error!);
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

        switch (message.Event)
        {
            case PhoenixEvents.Join:
                Join(message);
                break;
            case PhoenixEvents.Leave when sessions.TryRemove(message.Topic, out var leaving):
                leaving.Post(new SessionMessage.FromClient(message));
                break;
            case PhoenixEvents.Leave:
                // Phoenix answers leaves of unknown topics too: the client's dead view leaves "lv:".
                Sink.TrySend(FrameWriter.Current.Reply(message.JoinRef, message.Ref, message.Topic, ok: true));
                break;
            default:
                if (!sessions.TryGet(message.Topic, out var session) || !session.Post(new SessionMessage.FromClient(message)))
                {
                    Reply(message.JoinRef, message.Ref, message.Topic, "unmatched topic");
                }

                break;
        }

        return true;
    }

    /// <summary>Forgets a session that ended on its own (crash, refused join, leave).</summary>
    public void Remove(LiveSession session) =>
        sessions.Remove(session);

    public async ValueTask DisposeAsync()
    {
        var all = sessions.RemoveAll();
        foreach (var session in all)
        {
            session.Stop(close: false);
        }

        await Task.WhenAll(all.Select(s => s.Completion)).ConfigureAwait(false);
    }

    private void Join(PhoenixMessage message)
    {
        if (!message.Topic.StartsWith(PhoenixEvents.ViewTopicPrefix, StringComparison.Ordinal) ||
            message.Topic.Length == PhoenixEvents.ViewTopicPrefix.Length)
        {
            Reply(message.JoinRef, message.Ref, message.Topic, "unmatched topic");
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
        session.Post(new SessionMessage.FromClient(message));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join of {Topic} refused: {Reason}")]
    private static partial void LogJoinRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a socket that went over {Limit} rate-limited events")]
    private static partial void LogAbusive(ILogger logger, string? limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed frame from a client: {Reason}")]
    private static partial void LogMalformedFrame(ILogger logger, string reason);
}
