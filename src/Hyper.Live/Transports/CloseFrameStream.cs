using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hyper.Live.Transports;

/// <summary>
/// The upgraded connection's byte stream as the WebSocket sees it, watched for one thing .NET's
/// <c>WebSocket</c> cannot express: a close frame without a status code. .NET reports such a close as
/// 1000 and, asked to answer with <see cref="System.Net.WebSockets.WebSocketCloseStatus.Empty"/>, sends
/// the reserved code 1005 on the wire. The Phoenix LiveView client reads a 1000 answer as a deliberate
/// shutdown and reloads the page seconds later instead of reconnecting, so a code-less close has to be
/// answered, as Phoenix's own server does, with an empty close frame: this stream tells whether the
/// client's close had a code (<see cref="PeerClosedWithoutCode"/>) and writes the 1005 close frame as an empty one.
/// </summary>
internal sealed class CloseFrameStream(Stream inner) : Stream
{
    // The client's frames, parsed header by header as bytes go by (RFC 6455 §5.2): only lengths are
    // needed to find the next header, and only a close frame's length is kept.
    private readonly byte[] header = new byte[14];
    private int headerLength;
    private long payloadLeft;

    /// <summary>Whether the client sent a close frame with no payload (so no status code).</summary>
    public bool PeerClosedWithoutCode { get; private set; }

    /// <summary>
    /// Middleware for the socket's pipeline, before <c>UseWebSockets</c>: the upgrade then hands the
    /// WebSocket a <see cref="CloseFrameStream"/>, found again with <see cref="Of"/>.
    /// </summary>
    public static Task InstallAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IHttpUpgradeFeature>() is { } upgrade)
        {
            context.Features.Set<IHttpUpgradeFeature>(new Upgrade(upgrade, context));
        }

        return next(context);
    }

    /// <summary>The stream the request's WebSocket runs on, or null (another middleware upgraded it).</summary>
    public static CloseFrameStream? Of(HttpContext context) => context.Features.Get<CloseFrameStream>();

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Watch(buffer.Span[..count]);
        return count;
    }

    /// <inheritdoc/>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // The whole close frame as .NET writes it for Empty: FIN + close opcode, length 2, code 1005 (never valid on the wire).
        if (buffer.Span is [0x88, 0x02, 0x03, 0xED])
        {
            buffer = EmptyClose;
        }

        return inner.WriteAsync(buffer, cancellationToken);
    }

    private static readonly byte[] EmptyClose = [0x88, 0x00];

    private void Watch(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (payloadLeft > 0)
            {
                var skipped = (int)Math.Min(payloadLeft, bytes.Length);
                payloadLeft -= skipped;
                bytes = bytes[skipped..];
                continue;
            }

            header[headerLength++] = bytes[0];
            bytes = bytes[1..];
            if (headerLength < 2)
            {
                continue;
            }

            var length7 = header[1] & 0x7F;
            var lengthBytes = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
            var maskBytes = (header[1] & 0x80) != 0 ? 4 : 0;
            if (headerLength < 2 + lengthBytes + maskBytes)
            {
                continue;
            }

            long length = length7;
            if (lengthBytes > 0)
            {
                length = 0;
                for (var i = 0; i < lengthBytes; i++)
                {
                    length = (length << 8) | header[2 + i];
                }
            }

            if ((header[0] & 0x0F) == 0x8)
            {
                PeerClosedWithoutCode = length == 0;
            }

            headerLength = 0;
            payloadLeft = length;
        }
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override void Flush() => inner.Flush();

    /// <inheritdoc/>
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The server's upgrade, handing out the upgraded stream wrapped.</summary>
    private sealed class Upgrade(IHttpUpgradeFeature inner, HttpContext context) : IHttpUpgradeFeature
    {
        public bool IsUpgradableRequest => inner.IsUpgradableRequest;

        public async Task<Stream> UpgradeAsync()
        {
            var stream = new CloseFrameStream(await inner.UpgradeAsync().ConfigureAwait(false));
            context.Features.Set(stream);
            return stream;
        }
    }
}
