using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hyper.Live.LoadTest;

/// <summary>
/// One browser tab's socket, spoken by hand over a raw <see cref="Socket"/> so the harness can
/// hold tens of thousands: RFC 6455 framing (masked text frames up, plain frames down) and
/// Phoenix V2 frames. Nothing is read or buffered while the socket is idle: every exchange
/// sends one request and reads until its reply, with a pooled buffer held only meanwhile.
/// </summary>
internal sealed class LoadSocket : IDisposable
{
    // What Chromium sends with a WebSocket upgrade: the server keeps these headers for as
    // long as the socket lives, so leaving them out would flatter its memory per session.
    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36";

    private readonly Socket socket;
    private readonly string[] topics;
    private readonly string[] joinRefs;
    private readonly LivePage[] pages;
    private byte[]? pending;
    private MessageInflater? inflater;
    private int nextRef;
    private int busy;
    private long lastSent;

    private LoadSocket(Socket socket, int views)
    {
        this.socket = socket;
        topics = new string[views];
        joinRefs = new string[views];
        pages = new LivePage[views];
        lastSent = Environment.TickCount64;
    }

    /// <summary>When this socket last sent a frame (<see cref="Environment.TickCount64"/>).</summary>
    public long LastSent => Volatile.Read(ref lastSent);

    public bool Broken { get; private set; }

    /// <summary>Opens the socket from <paramref name="source"/> with the page's CSRF token and cookie, as the browser does.</summary>
    public static async Task<LoadSocket> ConnectAsync(IPAddress source, IPEndPoint server, LivePage page, int views, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var request =
                $"GET /live/websocket?_csrf_token={Uri.EscapeDataString(page.Csrf)}&_mounts=0&_mount_attempts=0&_live_referer=undefined&vsn=2.0.0 HTTP/1.1\r\n" +
                $"Host: {server}\r\nConnection: Upgrade\r\nPragma: no-cache\r\nCache-Control: no-cache\r\nUser-Agent: {UserAgent}\r\n" +
                $"Upgrade: websocket\r\nOrigin: http://{server}\r\nSec-WebSocket-Version: 13\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n" +
                $"Accept-Language: en-US,en;q=0.9\r\nCookie: {page.Cookie}\r\nSec-WebSocket-Key: {key}\r\n" +
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
            await SendAllAsync(socket, Encoding.ASCII.GetBytes(request), cancellationToken).ConfigureAwait(false);

            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            try
            {
                var length = 0;
                int headerEnd;
                while ((headerEnd = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    if (length == buffer.Length)
                    {
                        throw new InvalidOperationException("the upgrade response is too large");
                    }

                    var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                    length += read > 0 ? read : throw new InvalidOperationException("the server closed the connection during the upgrade");
                }

                var head = Encoding.ASCII.GetString(buffer, 0, headerEnd);
                if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("upgrade refused: " + head.Split('\r')[0]);
                }

                // Per-message deflate (HyperLiveOptions.WebSocketCompression) is spoken for what the
                // server sends; the harness's own frames stay uncompressed, which RFC 7692 allows.
                var deflate = head.Contains("permessage-deflate", StringComparison.OrdinalIgnoreCase);
                if (head.Contains("Sec-WebSocket-Extensions", StringComparison.OrdinalIgnoreCase) && (!deflate || head.Contains("server_no_context_takeover", StringComparison.OrdinalIgnoreCase)))
                {
                    throw new InvalidOperationException("the server negotiated an extension the harness does not speak");
                }

                var result = new LoadSocket(socket, views) { inflater = deflate ? new MessageInflater() : null };
                if (length > headerEnd + 4)
                {
                    result.pending = buffer.AsSpan(headerEnd + 4, length - headerEnd - 4).ToArray();
                }

                return result;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Claims the socket for one exchange; false when another exchange is in flight.</summary>
    public bool TryAcquire() => Interlocked.CompareExchange(ref busy, 1, 0) == 0;

    public void Release() => Volatile.Write(ref busy, 0);

    /// <summary>The page view <paramref name="view"/> joined.</summary>
    public LivePage Page(int view) => pages[view];

    /// <summary>
    /// Joins view <paramref name="view"/> of this socket to <paramref name="page"/>'s container (protocol §3.1); a rejoin after
    /// a reconnect counts the earlier joins in <paramref name="mounts"/>.
    /// </summary>
    public Task<Exchange> JoinAsync(int view, LivePage page, CancellationToken cancellationToken, int mounts = 0)
    {
        var refValue = NextRef();
        pages[view] = page;
        topics[view] = page.Topic;
        joinRefs[view] = refValue;
        var track = page.TrackStatic is null ? "" : $"\"_track_static\":[\"{page.TrackStatic}\"],";
        var frame = $$"""["{{refValue}}","{{refValue}}","{{page.Topic}}","phx_join",{"url":"{{page.Url}}","params":{"_csrf_token":"{{page.Csrf}}",{{track}}"_mounts":{{mounts}},"_mount_attempts":0},"session":"{{page.Session}}","static":"{{page.Static}}","sticky":false}]""";
        return ExchangeAsync(frame, refValue, cancellationToken);
    }

    /// <summary>A click on a <c>phx-click</c> button of view <paramref name="view"/>, as the client sends it (protocol §5.2).</summary>
    public Task<Exchange> ClickAsync(int view, string eventName, CancellationToken cancellationToken)
    {
        var refValue = NextRef();
        var frame = $$$"""["{{{joinRefs[view]}}}","{{{refValue}}}","{{{topics[view]}}}","event",{"type":"click","event":"{{{eventName}}}","value":{"value":""}}]""";
        return ExchangeAsync(frame, refValue, cancellationToken);
    }

    /// <summary>The client's heartbeat on the <c>phoenix</c> topic (protocol §2.4).</summary>
    public Task<Exchange> HeartbeatAsync(CancellationToken cancellationToken)
    {
        var refValue = NextRef();
        return ExchangeAsync($$"""[null,"{{refValue}}","phoenix","heartbeat",{}]""", refValue, cancellationToken);
    }

    /// <summary>
    /// Closes the tab: leaves every joined view (so the server ends them at once instead of keeping them for a
    /// reconnect), sends a close frame (1001, a tab going away) and drops the connection.
    /// </summary>
    public async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            for (var view = 0; view < topics.Length && !Broken; view++)
            {
                if (topics[view] is { } topic)
                {
                    await SendTextAsync($$"""["{{joinRefs[view]}}","{{NextRef()}}","{{topic}}","phx_leave",{}]""", timeout.Token).ConfigureAwait(false);
                }
            }

            byte[] close = [0x88, 0x82, 0, 0, 0, 0, 0x03, 0xE9]; // FIN|close, masked with a zero key, status 1001
            await SendAllAsync(socket, close, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone: nothing to say goodbye to.
        }

        Dispose();
    }

    public void Dispose()
    {
        socket.Dispose();
        inflater?.Dispose();
    }

    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await socket.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            bytes = bytes[sent..];
        }
    }

    private string NextRef() => (++nextRef).ToString(CultureInfo.InvariantCulture);

    private async Task<Exchange> ExchangeAsync(string frame, string refValue, CancellationToken cancellationToken)
    {
        if (Broken)
        {
            return Exchange.Failed("the socket broke earlier");
        }

        try
        {
            var up = await SendTextAsync(frame, cancellationToken).ConfigureAwait(false);
            var (downPayload, downFrame, error) = await ReadReplyAsync(refValue, cancellationToken).ConfigureAwait(false);
            Broken |= error is not null;
            return new Exchange(up.Payload, up.Frame, downPayload, downFrame, error);
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            Broken = true;
            return Exchange.Failed(error is OperationCanceledException ? "timed out" : error.Message);
        }
    }

    /// <summary>Sends one masked text frame (RFC 6455 §5.2); returns its payload and frame sizes.</summary>
    private async Task<(int Payload, int Frame)> SendTextAsync(string text, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetByteCount(text);
        var header = payload < 126 ? 2 : payload <= ushort.MaxValue ? 4 : 10;
        var length = header + 4 + payload;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            buffer[0] = 0x81; // FIN, text
            if (header == 2)
            {
                buffer[1] = (byte)(0x80 | payload);
            }
            else if (header == 4)
            {
                buffer[1] = 0x80 | 126;
                BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), (ushort)payload);
            }
            else
            {
                buffer[1] = 0x80 | 127;
                BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(2), (ulong)payload);
            }

            var mask = buffer.AsSpan(header, 4);
            Random.Shared.NextBytes(mask);
            var body = buffer.AsSpan(header + 4, payload);
            Encoding.UTF8.GetBytes(text, body);
            for (var i = 0; i < body.Length; i++)
            {
                body[i] ^= mask[i & 3];
            }

            Volatile.Write(ref lastSent, Environment.TickCount64);
            await SendAllAsync(socket, buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            return (payload, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads frames until the reply to <paramref name="refValue"/>; other frames (pushes, pongs) are skipped.</summary>
    private async Task<(int Payload, int Frame, string? Error)> ReadReplyAsync(string refValue, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var start = 0;
        var end = 0;
        if (pending is not null)
        {
            pending.CopyTo(buffer, 0);
            end = pending.Length;
            pending = null;
        }

        try
        {
            while (true)
            {
                // Header: 2 bytes, then a 16- or 64-bit length for longer payloads; server frames are not masked.
                var header = 2;
                long payload = -1;
                while (payload < 0)
                {
                    if (end - start >= 2)
                    {
                        payload = buffer[start + 1] & 0x7F;
                        header = payload == 126 ? 4 : payload == 127 ? 10 : 2;
                        if (end - start >= header)
                        {
                            payload = header == 4 ? BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(start + 2)) :
                                header == 10 ? (long)BinaryPrimitives.ReadUInt64BigEndian(buffer.AsSpan(start + 2)) : payload;
                            break;
                        }

                        payload = -1;
                    }

                    (buffer, start, end) = await ReceiveAsync(buffer, start, end, header, cancellationToken).ConfigureAwait(false);
                }

                var total = header + (int)payload;
                while (end - start < total)
                {
                    (buffer, start, end) = await ReceiveAsync(buffer, start, end, total, cancellationToken).ConfigureAwait(false);
                }

                var first = buffer[start];
                var body = buffer.AsSpan(start + header, (int)payload);
                start += total;
                switch (first & 0x0F)
                {
                    case 0x1 when (first & 0x80) == 0:
                        return (0, 0, "the server fragmented a text frame");
                    case 0x1:
                        // RSV1 marks a compressed message; its size on the wire is what is reported.
                        var status = ReplyStatus((first & 0x40) != 0 && inflater is not null ? inflater.Inflate(body) : body, refValue);
                        if (status == ReplyKind.Other)
                        {
                            continue;
                        }

                        if (end > start)
                        {
                            pending = buffer.AsSpan(start, end - start).ToArray();
                        }

                        return (body.Length, total, status == ReplyKind.Ok ? null : "error reply: " + Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)]));
                    case 0x8:
                        return (0, 0, "the server closed the socket: " + (body.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(body) + " " + Encoding.UTF8.GetString(body[2..]) : "no status"));
                    case 0x9 or 0xA:
                        continue; // ASP.NET Core's keep-alive sends unsolicited pongs; the browser ignores them too
                    default:
                        return (0, 0, $"unexpected opcode {first & 0x0F}");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Receives more bytes so that at least <paramref name="needed"/> are buffered from <paramref name="start"/>.</summary>
    private async ValueTask<(byte[] Buffer, int Start, int End)> ReceiveAsync(byte[] buffer, int start, int end, int needed, CancellationToken cancellationToken)
    {
        if (buffer.Length - start < needed || end == buffer.Length)
        {
            var target = buffer.Length >= needed ? buffer : ArrayPool<byte>.Shared.Rent(needed);
            buffer.AsSpan(start, end - start).CopyTo(target);
            if (target != buffer)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            (buffer, end, start) = (target, end - start, 0);
        }

        var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        return read > 0 ? (buffer, start, end + read) : throw new InvalidOperationException("the server closed the connection");
    }

    private static ReplyKind ReplyStatus(ReadOnlySpan<byte> frame, string refValue)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || !reader.Read() ||
            reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(refValue) || !reader.Read() || !reader.Read() ||
            !reader.ValueTextEquals("phx_reply"u8) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return ReplyKind.Other;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                return reader.ValueTextEquals("ok"u8) ? ReplyKind.Ok : ReplyKind.Error;
            }

            reader.Read();
            reader.Skip();
        }

        return ReplyKind.Error;
    }

    private enum ReplyKind
    {
        Other,
        Ok,
        Error,
    }
}
