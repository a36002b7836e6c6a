using System.Buffers;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Hyper.Live.Protocol;
using Hyper.Live.Sessions;
using Hyper.Live.Sockets;

namespace Hyper.Live.Transports;

/// <summary>
/// Carries one Phoenix socket over a WebSocket: a receive loop that hands whole text frames
/// to the <see cref="PhoenixSocket"/>, and a send pump that writes queued frames in order.
/// The queue is bounded: a client that stops reading is disconnected rather than allowed
/// to grow the server's memory.
/// </summary>
/// <remarks>
/// Built for many idle connections: while nothing happens, a connection holds no receive
/// buffer (it waits with a zero-byte read), no running send loop (the pump runs only while
/// frames are queued) and no timer or token source of its own (<see cref="IdleSweeper"/>
/// watches every connection with one timer).
/// </remarks>
internal sealed partial class WebSocketConnection : IFrameSink
{
    private readonly LiveHost host;
    private readonly HyperLiveOptions options;
    private readonly ILogger logger;

    // Frames waiting to be sent, oldest first; also the lock for the fields below.
    private readonly OutboundFrames outbound = new();
    private bool pumping;
    private bool completed;
    private bool closeSent;
    private TaskCompletionSource? ended;
    private WebSocketCloseStatus closeStatus = WebSocketCloseStatus.NormalClosure;
    private string closeDescription = "";
    private long lastReceived = Environment.TickCount64;
    private long closingSince;
    private WebSocket webSocket = null!;
    private CloseFrameStream? wire;
    private bool closeFault;
    private bool closedByClient;

    private WebSocketConnection(LiveHost host)
    {
        this.host = host;
        options = host.Options;
        logger = host.Loggers.CreateLogger<WebSocketConnection>();
    }

    /// <summary>Links of the <see cref="IdleSweeper"/>'s list; guarded by its lock.</summary>
    internal WebSocketConnection? Previous { get; set; }

    /// <inheritdoc cref="Previous"/>
    internal WebSocketConnection? Next { get; set; }

    /// <summary>When the last frame arrived (<see cref="Environment.TickCount64"/>).</summary>
    internal long LastReceived => Volatile.Read(ref lastReceived);

    /// <summary>When the server started closing the connection, or 0.</summary>
    internal long ClosingSince => Volatile.Read(ref closingSince);

    public bool TrySend(Frame frame)
    {
        lock (outbound)
        {
            if (completed)
            {
                frame.Release();
                return false;
            }

            // One frame larger than the budget still goes out alone (the frame being sent is not counted).
            if (!outbound.TryAdd(frame, options.MaxOutboundBytes))
            {
                frame.Release();
                LogSlowClient(logger, outbound.Bytes, outbound.Count);
                CloseLocked(WebSocketCloseStatus.EndpointUnavailable, "too far behind", fault: true);
                return false;
            }

            if (pumping)
            {
                return true;
            }

            pumping = true;
        }

        // Runs on this thread until a send has to wait, so a reply usually leaves at once.
        _ = PumpAsync();
        return true;
    }

    public bool TryDefer(IDrainListener listener)
    {
        lock (outbound)
        {
            return !completed && outbound.Defer(listener);
        }
    }

    /// <summary>
    /// Accepts the upgrade and runs the connection until the client leaves, misbehaves, idles
    /// out or the server stops: the receive loop hands whole text frames to a <see cref="PhoenixSocket"/>.
    /// </summary>
    /// <remarks>
    /// One async method from the accept to the end, receive loop included: each awaiting
    /// layer would keep a state machine (about 150 B) alive for every open socket.
    /// </remarks>
    public static Task AcceptAndRunAsync(HttpContext context, WebSocketAcceptContext accept, SocketContext socketContext, LiveHost host) =>
        new WebSocketConnection(host).RunAsync(context, accept, socketContext);

    private async Task RunAsync(HttpContext context, WebSocketAcceptContext accept, SocketContext socketContext)
    {
        using var accepted = await context.WebSockets.AcceptWebSocketAsync(accept).ConfigureAwait(false);
        webSocket = accepted;
        wire = CloseFrameStream.Of(context);

        // One sweeper watches every connection for idleness and closes them all on shutdown,
        // so a connection needs no cancellation token or timer of its own.
        var sweeper = context.RequestServices.GetRequiredService<IdleSweeper>();
        if (!sweeper.Add(this))
        {
            await accepted.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "server shutting down", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        host.Metrics.SocketOpened();
        var phoenix = new PhoenixSocket(this, socketContext, host);
        // Begun here, in the flow every session of the socket starts from, so their logs carry it too.
        using var scope = phoenix.BeginLogScope();
        phoenix.Opened();
        try
        {
            while (webSocket.State == WebSocketState.Open)
            {
                // Wait for the next frame with a zero-byte read, and rent a buffer only once it
                // arrives: an idle session then holds no receive buffer (4 KB each, measured).
                var first = await webSocket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
                Volatile.Write(ref lastReceived, Environment.TickCount64);
                if (first.MessageType == WebSocketMessageType.Close)
                {
                    EchoClose();
                    return;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(4096);
                try
                {
                    var length = 0;
                    var result = first;
                    while (!result.EndOfMessage)
                    {
                        if (length == buffer.Length)
                        {
                            if (length >= options.MaxMessageSize)
                            {
                                LogTooLarge(logger, options.MaxMessageSize);
                                Close(WebSocketCloseStatus.MessageTooBig, $"frames are limited to {options.MaxMessageSize} bytes", fault: true);
                                return;
                            }

                            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, options.MaxMessageSize));
                            buffer.AsSpan(0, length).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }

                        result = await webSocket.ReceiveAsync(buffer.AsMemory(length, Math.Min(buffer.Length, options.MaxMessageSize) - length), CancellationToken.None).ConfigureAwait(false);
                        length += result.Count;
                        if (!result.EndOfMessage && length >= options.MaxMessageSize)
                        {
                            LogTooLarge(logger, options.MaxMessageSize);
                            Close(WebSocketCloseStatus.MessageTooBig, $"frames are limited to {options.MaxMessageSize} bytes", fault: true);
                            return;
                        }
                    }

                    switch (result.MessageType)
                    {
                        case WebSocketMessageType.Close:
                            EchoClose();
                            return;
                        default:
                            // Binary frames carry upload chunks; text frames everything else.
                            if (!(result.MessageType == WebSocketMessageType.Binary ? phoenix.ReceiveBinary(buffer.AsSpan(0, length)) : phoenix.Receive(buffer.AsSpan(0, length))))
                            {
                                if (phoenix.IsAbusive)
                                {
                                    Close(WebSocketCloseStatus.PolicyViolation, "too many rate-limited events", fault: true);
                                }
                                else
                                {
                                    Close(WebSocketCloseStatus.InvalidPayloadData, "malformed frame", fault: true);
                                }

                                return;
                            }

                            break;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                // Backpressure: no more reading while this client's frames wait for their handlers.
                await phoenix.WaitForInboundRoomAsync().ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away without a close handshake, or the sweeper aborted the connection.
        }
        finally
        {
            try
            {
                RecordClose(phoenix.Connection);
                await phoenix.DisposeAsync().ConfigureAwait(false);
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                bool start;
                lock (outbound)
                {
                    completed = true;
                    ended = done;
                    start = !pumping;
                    pumping = true;
                }

                // The pump sends what is still queued and the close frame (unless sent already), then completes `done`.
                if (start)
                {
                    _ = PumpAsync();
                }

                await done.Task.ConfigureAwait(false);
            }
            finally
            {
                sweeper.Remove(this);
                host.Metrics.SocketClosed();
            }
        }
    }

    /// <summary>
    /// Echoes the client's close code (RFC 6455 §5.5.1): answering 1000 to a 4000, or to a close without
    /// a code, would make the LiveView client reload the page instead of reconnecting (protocol §2.6).
    /// </summary>
    private void EchoClose()
    {
        Volatile.Write(ref closedByClient, true);
        if (wire?.PeerClosedWithoutCode == true)
        {
            Close(WebSocketCloseStatus.Empty, "");
            return;
        }

        Close(webSocket.CloseStatus ?? WebSocketCloseStatus.Empty, webSocket.CloseStatusDescription ?? "");
    }

    /// <summary>How the socket ended, for <see cref="HyperLiveOptions.OnSocketDisconnected"/>.</summary>
    private void RecordClose(LiveConnection connection)
    {
        lock (outbound)
        {
            if (!completed)
            {
                // No close frame either way: the client went away, or the connection broke.
                connection.Closed(status: null, reason: null, byClient: true, error: false);
                return;
            }

            var byClient = Volatile.Read(ref closedByClient);
            connection.Closed(closeStatus == WebSocketCloseStatus.Empty ? 1005 : (int)closeStatus, closeDescription, byClient, closeFault && !byClient);
        }
    }

    /// <summary>Closes a connection that sent nothing for <see cref="HyperLiveOptions.IdleTimeout"/> (called by the sweeper).</summary>
    internal void CloseIdle()
    {
        LogIdle(logger, options.IdleTimeout);
        Close(WebSocketCloseStatus.EndpointUnavailable, "idle");
    }

    /// <summary>1001 "going away": the client reconnects (to another instance, or to this one once it is back).</summary>
    internal void CloseForShutdown() => Close(WebSocketCloseStatus.EndpointUnavailable, "server shutting down");

    /// <summary>Drops the connection without a close handshake: the client is not answering.</summary>
    internal void Abort()
    {
        webSocket.Abort();
        lock (outbound)
        {
            completed = true;
            outbound.ReleaseAll();
        }
    }

    /// <summary>Accepts no more frames; the send pump sends the close frame after what is queued.</summary>
    private void Close(WebSocketCloseStatus status, string description, bool fault = false)
    {
        bool start;
        lock (outbound)
        {
            CloseLocked(status, description, fault);
            start = !pumping;
            pumping = true;
        }

        if (start)
        {
            _ = PumpAsync();
        }
    }

    private void CloseLocked(WebSocketCloseStatus status, string description, bool fault = false)
    {
        if (completed)
        {
            return;
        }

        completed = true;
        closeFault = fault;
        closeStatus = status;
        closeDescription = description;
        Volatile.Write(ref closingSince, Environment.TickCount64);
    }

    /// <summary>
    /// Sends queued frames until none is left, then stops. Once the connection is closing it
    /// sends the close frame after the last one, and once it has ended it completes <see cref="ended"/>.
    /// </summary>
    private async Task PumpAsync()
    {
        while (true)
        {
            Frame frame;
            var close = false;
            TaskCompletionSource? finished = null;
            List<IDrainListener>? drained = null;
            lock (outbound)
            {
                if (outbound.TryTake(out frame))
                {
                    // Sent below, outside the lock.
                }
                else if (!completed && outbound.TakeDeferred() is { } waiting)
                {
                    // Caught up: the sessions that held back a render send it now (their frames restart the pump).
                    drained = waiting;
                    pumping = false;
                }
                else if (completed && !closeSent)
                {
                    closeSent = close = true;
                }
                else if (ended is not null)
                {
                    finished = ended; // the pump stays marked as running: nothing can be sent any more
                }
                else
                {
                    pumping = false;
                    return;
                }
            }

            if (drained is not null)
            {
                foreach (var listener in drained)
                {
                    listener.OnDrained();
                }

                return;
            }

            if (finished is not null)
            {
                finished.TrySetResult();
                return;
            }

            if (close)
            {
                await CloseOutputAsync().ConfigureAwait(false);
                continue;
            }

            try
            {
                if (webSocket.State == WebSocketState.Open)
                {
                    await webSocket.SendAsync(frame.Memory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                Abort();
            }
            finally
            {
                frame.Release();
            }
        }
    }

    private async Task CloseOutputAsync()
    {
        WebSocketCloseStatus status;
        string description;
        lock (outbound)
        {
            (status, description) = (closeStatus, closeDescription);
        }

        try
        {
            if (webSocket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(IdleSweeper.CloseGrace);
                await webSocket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            webSocket.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a socket whose client left {Bytes} bytes in {Count} frames unread")]
    private static partial void LogSlowClient(ILogger logger, long bytes, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a socket that sent a frame over {Limit} bytes")]
    private static partial void LogTooLarge(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing a socket idle for {Timeout}")]
    private static partial void LogIdle(ILogger logger, TimeSpan timeout);

}
