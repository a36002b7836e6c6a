using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Hyper.Live.Hosting;
using Hyper.Live.Protocol;
using Hyper.Live.Sessions;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Transports;

/// <summary>
/// Carries one Phoenix socket over a WebSocket: a receive loop that hands whole text frames
/// to the <see cref="PhoenixSocket"/>, and a single writer that sends queued frames in order.
/// The queue is bounded: a client that stops reading is disconnected rather than allowed
/// to grow the server's memory.
/// </summary>
internal sealed partial class WebSocketConnection : IFrameSink
{
    private readonly WebSocket webSocket;
    private readonly HyperLiveOptions options;
    private readonly ILogger logger;
    private readonly Channel<Frame> outbound;
    private WebSocketCloseStatus closeStatus = WebSocketCloseStatus.NormalClosure;
    private string closeDescription = "";

    public WebSocketConnection(WebSocket webSocket, LiveHost host)
    {
        this.webSocket = webSocket;
        options = host.Options;
        logger = host.Loggers.CreateLogger<WebSocketConnection>();
        outbound = Channel.CreateBounded<Frame>(new BoundedChannelOptions(options.MaxQueuedFrames)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public bool TrySend(Frame frame)
    {
        if (outbound.Writer.TryWrite(frame))
        {
            return true;
        }

        frame.Release();
        if (outbound.Writer.TryComplete())
        {
            LogSlowClient(logger, options.MaxQueuedFrames);
            closeStatus = WebSocketCloseStatus.EndpointUnavailable;
            closeDescription = "too far behind";
        }

        return false;
    }

    /// <summary>Runs the connection until the client leaves, misbehaves, idles out or the server stops.</summary>
    public async Task RunAsync(PhoenixSocket socket, CancellationToken stopping)
    {
        var writer = WriteLoopAsync();
        try
        {
            await ReceiveLoopAsync(socket, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // 1001 "going away": the client reconnects (to another instance, or to this one once it is back).
            Close(WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
        }
        catch (OperationCanceledException)
        {
            LogIdle(logger, options.IdleTimeout);
            Close(WebSocketCloseStatus.EndpointUnavailable, "idle");
        }
        catch (WebSocketException)
        {
            // The client went away without a close handshake.
        }
        finally
        {
            await socket.DisposeAsync().ConfigureAwait(false);
            outbound.Writer.TryComplete();
            await writer.ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(PhoenixSocket socket, CancellationToken stopping)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (webSocket.State == WebSocketState.Open)
            {
                idle.CancelAfter(options.IdleTimeout);
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        if (length >= options.MaxMessageSize)
                        {
                            LogTooLarge(logger, options.MaxMessageSize);
                            Close(WebSocketCloseStatus.MessageTooBig, $"frames are limited to {options.MaxMessageSize} bytes");
                            return;
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, options.MaxMessageSize));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    result = await webSocket.ReceiveAsync(buffer.AsMemory(length, Math.Min(buffer.Length, options.MaxMessageSize) - length), idle.Token).ConfigureAwait(false);
                    length += result.Count;
                    if (!result.EndOfMessage && length >= options.MaxMessageSize)
                    {
                        LogTooLarge(logger, options.MaxMessageSize);
                        Close(WebSocketCloseStatus.MessageTooBig, $"frames are limited to {options.MaxMessageSize} bytes");
                        return;
                    }
                }
                while (!result.EndOfMessage);

                switch (result.MessageType)
                {
                    case WebSocketMessageType.Close:
                        // Echo the client's code (RFC 6455 §5.5.1): answering 1000 to a 4000 would make
                        // the LiveView client reload the page instead of reconnecting (protocol §2.6).
                        Close(webSocket.CloseStatus ?? WebSocketCloseStatus.Empty, webSocket.CloseStatusDescription ?? "");
                        return;
                    case WebSocketMessageType.Binary:
                        // Binary frames carry upload chunks, which this server does not accept yet.
                        LogBinaryFrame(logger);
                        break;
                    default:
                        if (!socket.Receive(buffer.AsSpan(0, length)))
                        {
                            Close(WebSocketCloseStatus.InvalidPayloadData, "malformed frame");
                            return;
                        }

                        break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Close(WebSocketCloseStatus status, string description)
    {
        if (outbound.Writer.TryComplete())
        {
            closeStatus = status;
            closeDescription = description;
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var frame in outbound.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    if (webSocket.State == WebSocketState.Open)
                    {
                        await webSocket.SendAsync(frame.Memory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                    }
                }
                finally
                {
                    frame.Release();
                }
            }

            if (webSocket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await webSocket.CloseOutputAsync(closeStatus, closeDescription, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            webSocket.Abort();
        }
        finally
        {
            while (outbound.Reader.TryRead(out var unsent))
            {
                unsent.Release();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a socket whose client left {Count} frames unread")]
    private static partial void LogSlowClient(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a socket that sent a frame over {Limit} bytes")]
    private static partial void LogTooLarge(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing a socket idle for {Timeout}")]
    private static partial void LogIdle(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a binary frame: uploads are not supported")]
    private static partial void LogBinaryFrame(ILogger logger);
}
