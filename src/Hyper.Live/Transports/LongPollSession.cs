using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Hyper.Live.Protocol;
using Hyper.Live.Sessions;
using Hyper.Live.Sockets;

namespace Hyper.Live.Transports;

/// <summary>
/// One Phoenix socket carried over long-poll (protocol §2.7): POSTs hand their lines to the
/// <see cref="PhoenixSocket"/>, and a held GET takes every frame queued since the last one.
/// The queue is bounded by <see cref="HyperLiveOptions.MaxOutboundBytes"/> as a WebSocket's is,
/// and the session ends when the client stops polling (<see cref="LongPollRegistry"/> sweeps it).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Close ends the socket; the semaphore never makes a wait handle to dispose")]
internal sealed partial class LongPollSession : IFrameSink
{
    private readonly Lock gate = new();
    private readonly OutboundFrames outbound = new();
    private readonly SemaphoreSlim posting = new(1, 1);
    private readonly LiveHost host;
    private readonly ILogger logger;
    private readonly LongPollRegistry registry;
    private readonly AsyncServiceScope scope;
    private readonly SocketContext context;
    private readonly PhoenixSocket phoenix;
    private TaskCompletionSource? waiting;
    private int polls;
    private long lastSeen = Environment.TickCount64;
    private bool closed;

    /// <summary>
    /// Starts a session for the request that asked for one. The socket outlives that request,
    /// so it gets a copy of the request's user, headers and address and a service scope of its own.
    /// </summary>
    public LongPollSession(string id, HttpContext request, Func<HttpContext, SocketContext> contextOf, LiveHost host, LongPollRegistry registry)
    {
        Id = id;
        this.host = host;
        this.registry = registry;
        logger = host.Loggers.CreateLogger<LongPollSession>();
        UserKey = Security.UserIdentity.KeyOf(request.User);
        scope = request.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context = contextOf(Detach(request, scope.ServiceProvider));
        phoenix = new PhoenixSocket(this, context, host);
        host.Metrics.SocketOpened();
    }

    /// <summary>The registry's key, signed into the client's token.</summary>
    public string Id { get; }

    /// <summary>The user the session was opened for: a token used by anyone else is refused.</summary>
    public string UserKey { get; }

    /// <summary>Whether no request of the client has been seen for longer than <paramref name="idleMilliseconds"/>.</summary>
    public bool IsIdle(long now, long idleMilliseconds)
    {
        lock (gate)
        {
            return polls == 0 && now - lastSeen > idleMilliseconds;
        }
    }

    public bool TrySend(Frame frame)
    {
        lock (gate)
        {
            if (closed)
            {
                frame.Release();
                return false;
            }

            // As over a WebSocket, one frame larger than the budget still goes out alone.
            if (outbound.TryAdd(frame, host.Options.MaxOutboundBytes))
            {
                waiting?.TrySetResult();
                return true;
            }

            frame.Release();
            LogSlowClient(logger, outbound.Bytes, outbound.Count);
        }

        Close();
        return false;
    }

    public bool TryDefer(IDrainListener listener)
    {
        lock (gate)
        {
            return !closed && outbound.Defer(listener);
        }
    }

    /// <summary>
    /// Holds a poll until frames are queued or <paramref name="window"/> passes; null when the
    /// session has ended (the client then rejoins over a new one). A newer poll answers an older one empty.
    /// </summary>
    public async Task<List<Frame>?> PollAsync(TimeSpan window, CancellationToken aborted)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            if (closed)
            {
                return null;
            }

            lastSeen = Environment.TickCount64;
            if (outbound.Count > 0)
            {
                return outbound.TakeAll();
            }

            waiting?.TrySetResult();
            signal = waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            polls++;
        }

        try
        {
            await signal.Task.WaitAsync(window, aborted).ConfigureAwait(false);
        }
        catch (Exception error) when (error is TimeoutException or OperationCanceledException)
        {
            // The window passed, or the client went away: answer with what there is.
        }

        lock (gate)
        {
            polls--;
            lastSeen = Environment.TickCount64;
            if (closed)
            {
                return null;
            }

            if (waiting != signal)
            {
                return []; // replaced by a newer poll, which gets the frames
            }

            waiting = null;

            // Nobody would read them: the frames wait for the client's next poll.
            return aborted.IsCancellationRequested ? [] : outbound.TakeAll();
        }
    }

    /// <summary>The frames of a poll were written: releases them and tells the renders that waited for the client to catch up.</summary>
    public void Delivered(List<Frame> frames)
    {
        foreach (var frame in frames)
        {
            frame.Release();
        }

        List<IDrainListener>? drained;
        lock (gate)
        {
            if (closed || outbound.Count > 0)
            {
                return;
            }

            drained = outbound.TakeDeferred();
        }

        foreach (var listener in drained ?? [])
        {
            listener.OnDrained();
        }
    }

    /// <summary>
    /// Hands the lines of a POST body to the socket, one at a time and only while the client's
    /// queued frames fit the inbound budget. Returns the status for the client: 200, or 410 when
    /// the session has ended, 413 or 400 when this body ended it.
    /// </summary>
    public async Task<int> ReceiveAsync(PipeReader body, CancellationToken aborted)
    {
        await posting.WaitAsync(aborted).ConfigureAwait(false);
        try
        {
            var limit = host.Options.MaxMessageSize;
            // A binary frame (an upload chunk) comes base64-encoded: a third longer.
            var binaryLimit = (limit + 2) / 3 * 4;
            while (true)
            {
                var result = await body.ReadAsync(aborted).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TakeLine(ref buffer, result.IsCompleted, out var line))
                {
                    if (IsClosed)
                    {
                        return StatusCodes.Status410Gone;
                    }

                    if (line.Length > (IsBinary(line) ? binaryLimit : limit))
                    {
                        return TooLarge(limit);
                    }

                    if (!Receive(line))
                    {
                        LogClosing(logger, phoenix.IsAbusive ? "too many rate-limited events" : "malformed frame");
                        Close();
                        return StatusCodes.Status400BadRequest;
                    }

                    // Backpressure: the rest of the body waits while this client's frames wait for their handlers.
                    await phoenix.WaitForInboundRoomAsync().ConfigureAwait(false);
                }

                if (buffer.Length > binaryLimit)
                {
                    return TooLarge(limit);
                }

                body.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    lock (gate)
                    {
                        lastSeen = Environment.TickCount64;
                    }

                    return IsClosed ? StatusCodes.Status410Gone : StatusCodes.Status200OK;
                }
            }
        }
        finally
        {
            posting.Release();
        }
    }

    /// <summary>Ends the session: its views unmount, its queue is dropped and a held poll is answered (410).</summary>
    public void Close()
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            closed = true;
            outbound.ReleaseAll();

            waiting?.TrySetResult();
        }

        registry.Remove(this);
        _ = EndAsync();
    }

    private bool IsClosed
    {
        get
        {
            lock (gate)
            {
                return closed;
            }
        }
    }

    private async Task EndAsync()
    {
        // After the POST in flight, if any: no line reaches the socket once it is disposed.
        await posting.WaitAsync().ConfigureAwait(false);
        try
        {
            await phoenix.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            context.Limits.Dispose();
            await scope.DisposeAsync().ConfigureAwait(false);
            host.Metrics.SocketClosed();
            posting.Release();
        }
    }

    private bool Receive(ReadOnlySequence<byte> line)
    {
        if (line.IsEmpty)
        {
            return true;
        }

        if (IsBinary(line))
        {
            return ReceiveBinary(line);
        }

        if (line.IsSingleSegment)
        {
            return phoenix.Receive(line.FirstSpan);
        }

        var copy = ArrayPool<byte>.Shared.Rent((int)line.Length);
        try
        {
            line.CopyTo(copy);
            return phoenix.Receive(copy.AsSpan(0, (int)line.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>Whether a line is a base64 binary frame (an upload chunk): anything but a JSON array.</summary>
    private static bool IsBinary(ReadOnlySequence<byte> line) => !line.IsEmpty && line.FirstSpan[0] != (byte)'[';

    private bool ReceiveBinary(ReadOnlySequence<byte> line)
    {
        var encoded = ArrayPool<byte>.Shared.Rent((int)line.Length);
        var decoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length((int)line.Length));
        try
        {
            line.CopyTo(encoded);
            if (Base64.DecodeFromUtf8(encoded.AsSpan(0, (int)line.Length), decoded, out _, out var written) != OperationStatus.Done)
            {
                LogBadBinaryLine(logger);
                return false;
            }

            return phoenix.ReceiveBinary(decoded.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    private int TooLarge(int limit)
    {
        LogTooLarge(logger, limit);
        Close();
        return StatusCodes.Status413PayloadTooLarge;
    }

    /// <summary>Takes the next newline-terminated line, or the rest once the body is complete.</summary>
    private static bool TakeLine(ref ReadOnlySequence<byte> buffer, bool complete, out ReadOnlySequence<byte> line)
    {
        if (buffer.PositionOf((byte)'\n') is { } end)
        {
            line = buffer.Slice(0, end);
            buffer = buffer.Slice(buffer.GetPosition(1, end));
            return true;
        }

        if (complete && !buffer.IsEmpty)
        {
            line = buffer;
            buffer = buffer.Slice(buffer.End);
            return true;
        }

        line = default;
        return false;
    }

    /// <summary>A copy of what the socket needs from <paramref name="request"/>, which the server recycles once it is answered.</summary>
    private static DefaultHttpContext Detach(HttpContext request, IServiceProvider services)
    {
        var copy = new DefaultHttpContext { User = request.User, RequestServices = services, TraceIdentifier = request.TraceIdentifier };
        copy.Request.Method = request.Request.Method;
        copy.Request.Scheme = request.Request.Scheme;
        copy.Request.Host = request.Request.Host;
        copy.Request.PathBase = request.Request.PathBase;
        copy.Request.Path = request.Request.Path;
        copy.Request.QueryString = request.Request.QueryString;
        foreach (var (name, value) in request.Request.Headers)
        {
            copy.Request.Headers[name] = value;
        }

        copy.Connection.RemoteIpAddress = request.Connection.RemoteIpAddress;
        copy.Connection.RemotePort = request.Connection.RemotePort;
        copy.Connection.LocalIpAddress = request.Connection.LocalIpAddress;
        copy.Connection.LocalPort = request.Connection.LocalPort;
        return copy;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a long-poll session whose client left {Bytes} bytes in {Count} frames unread")]
    private static partial void LogSlowClient(ILogger logger, long bytes, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a long-poll session that sent a frame over {Limit} bytes")]
    private static partial void LogTooLarge(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a long-poll session: {Reason}")]
    private static partial void LogClosing(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a long-poll session that sent a line that is neither JSON nor base64")]
    private static partial void LogBadBinaryLine(ILogger logger);
}
