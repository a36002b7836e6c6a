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
        Inbound = new InboundBudget(host.Options.MaxInboundFrames, host.Options.MaxInboundBytes);
    }

    public IFrameSink Sink { get; }

    public SocketContext Context { get; }

    /// <summary>
    /// Handles one text frame. Returns false when the frame was unreadable (not a JSON array
    /// with a ref and topic to answer): the transport then closes the connection.
    /// </summary>
    public bool Receive(ReadOnlySpan<byte> utf8)
    {
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
                Join(message, utf8.Length);
                break;
            case PhoenixEvents.Leave when sessions.TryRemove(message.Topic, out var leaving):
                Post(leaving, message, utf8.Length);
                break;
            case PhoenixEvents.Leave:
                // Phoenix answers leaves of unknown topics too: the client's dead view leaves "lv:".
                Sink.TrySend(FrameWriter.Current.Reply(message.JoinRef, message.Ref, message.Topic, ok: true));
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
    public InboundBudget Inbound { get; }

    public void Handled(int size) => Inbound.Return(size);

    /// <summary>Queues a client frame for <paramref name="session"/>, counted against the inbound budget until handled.</summary>
    private bool Post(LiveSession session, PhoenixMessage message, int size)
    {
        Inbound.Take(size);
        if (session.Post(new SessionMessage.FromClient(message, size)))
        {
            return true;
        }

        Inbound.Return(size);
        return false;
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

    private void Join(PhoenixMessage message, int size)
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

        if (sessions.Count >= host.Options.MaxViewsPerSocket)
        {
            Reply(message.JoinRef, message.Ref, message.Topic, "too many channels joined");
            return;
        }

        var session = new LiveSession(this, message.Topic, host);
        sessions.Set(message.Topic, session);
        Post(session, message, size);
        session.Start();
    }

    private void Reply(string? joinRef, string? refValue, string topic, string reason) =>
        Sink.TrySend(FrameWriter.Current.Reply(joinRef, refValue, topic, ok: false, reason));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed frame from a client: {Reason}")]
    private static partial void LogMalformedFrame(ILogger logger, string reason);
}
