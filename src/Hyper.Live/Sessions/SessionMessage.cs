using Hyper.Live.Protocol;

namespace Hyper.Live.Sessions;

/// <summary>Something for a session's mailbox: a frame from the browser or a message for the view.</summary>
internal abstract record SessionMessage
{
    /// <summary>A frame for this session's topic, <paramref name="Size"/> bytes on the wire (counted against the socket's inbound budget).</summary>
    internal sealed record FromClient(PhoenixMessage Message, int Size) : SessionMessage;

    /// <summary>
    /// A binary upload chunk for the upload channel <paramref name="Topic"/>: <paramref name="Length"/> bytes
    /// of <paramref name="Buffer"/>, rented from the shared pool and returned once handled or dropped.
    /// </summary>
    internal sealed record Chunk(string? JoinRef, string? Ref, string Topic, byte[] Buffer, int Length, int Size) : SessionMessage;

    /// <summary>A message for <c>HandleInfo</c>, with the pub/sub <paramref name="Topic"/> it came from (null when none).</summary>
    internal sealed record Info(object Message, string? Topic = null) : SessionMessage;

    /// <summary>A shared value the last render read has changed (one message however many changes: see <c>LiveSession.OnSharedChanged</c>).</summary>
    internal sealed record SharedChanged : SessionMessage
    {
        /// <summary>The one instance: the message carries nothing.</summary>
        public static readonly SharedChanged Instance = new();
    }

    /// <summary>The client has caught up: send the render held back while it was behind.</summary>
    internal sealed record DeferredRender : SessionMessage
    {
        /// <summary>The one instance: the message carries nothing.</summary>
        public static readonly DeferredRender Instance = new();
    }

    /// <summary>The socket <paramref name="From"/> dropped: the session goes on detached (unless it was re-attached meanwhile).</summary>
    internal sealed record Detach(ISessionSocket From) : SessionMessage;

    /// <summary>
    /// A rejoin over <paramref name="Socket"/> re-attached this kept session: answer its join (<paramref name="JoinRef"/>,
    /// <paramref name="Ref"/>) with a full render of the current state, from now on in <paramref name="Flow"/>, the execution
    /// context (logging scope) of the new socket.
    /// </summary>
    internal sealed record Attach(ISessionSocket Socket, string? JoinRef, string? Ref, ExecutionContext? Flow) : SessionMessage;

    /// <summary>View code to run in the mailbox: the completion of background work.</summary>
    internal sealed record Callback(Action Run) : SessionMessage;
}
