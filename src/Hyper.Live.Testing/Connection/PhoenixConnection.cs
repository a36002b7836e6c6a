using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Hyper.Live.Testing.Connection;

/// <summary>
/// One Phoenix socket (V2 JSON serializer, protocol §2.2) over a WebSocket: sends frames one
/// at a time (a WebSocket allows a single writer) and reads whole frames.
/// </summary>
internal sealed class PhoenixConnection : IAsyncDisposable
{
    private readonly WebSocket socket;
    private readonly SemaphoreSlim sending = new(1, 1);

    private PhoenixConnection(WebSocket socket) => this.socket = socket;

    /// <summary>Why the server closed the socket, once it has.</summary>
    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    /// <summary>Opens <c>/live/websocket</c> as the client does: CSRF token and protocol version in the query (§2.1).</summary>
    public static async Task<PhoenixConnection> OpenAsync(LiveTransport transport, string csrfToken, string cookie, int mounts, CancellationToken cancellationToken)
    {
        var path = $"/live/websocket?_csrf_token={Uri.EscapeDataString(csrfToken)}&_mounts={mounts}&_mount_attempts=0&vsn=2.0.0";
        var socket = await transport.ConnectAsync(path, cookie, cancellationToken).ConfigureAwait(false);
        return new PhoenixConnection(socket);
    }

    public static JsonArray Frame(string? joinRef, string? refValue, string topic, string eventName, JsonNode payload) =>
        [joinRef, refValue, topic, eventName, payload];

    public async Task SendAsync(JsonArray frame, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        await sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Sends a binary frame (an upload chunk, protocol §2.3).</summary>
    public async Task SendBinaryAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>The next frame as its five elements, or null once the socket is closed.</summary>
    public async Task<JsonArray?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    return JsonNode.Parse(buffer.AsSpan(0, length)) as JsonArray
                        ?? throw new InvalidOperationException("The server sent a frame that is not a JSON array: " + Encoding.UTF8.GetString(buffer, 0, length));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Drops the connection without a close handshake, as a lost network does.</summary>
    public void Abort() => socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                // 1001 "going away": what a browser sends when its tab closes.
                await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                socket.Abort();
            }
        }

        socket.Dispose();
        sending.Dispose();
    }
}
