using System.Buffers;
using System.IO.Compression;

namespace Hyper.Live.LoadTest;

/// <summary>
/// Decompresses the messages of a socket that negotiated per-message deflate (RFC 7692) with
/// context takeover, as Chromium offers it: one inflater for the socket's life, since each
/// message may refer back to the bytes of earlier ones.
/// </summary>
internal sealed class MessageInflater : IDisposable
{
    // Each message's deflate stream ends in an empty stored block whose last 4 bytes the sender strips (§7.2.1).
    private static readonly byte[] Tail = [0x00, 0x00, 0xFF, 0xFF];

    private readonly Feed feed = new();
    private readonly DeflateStream deflate;

    public MessageInflater() => deflate = new DeflateStream(feed, CompressionMode.Decompress);

    /// <summary>The message that <paramref name="payload"/> (one compressed text frame) carries.</summary>
    public byte[] Inflate(ReadOnlySpan<byte> payload)
    {
        feed.Set([.. payload, .. Tail]);
        using var output = new MemoryStream(payload.Length * 4);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = deflate.Read(chunk)) > 0)
            {
                output.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.ToArray();
    }

    public void Dispose() => deflate.Dispose();

    /// <summary>
    /// Hands the inflater one message at a time; reads 0 when it is used up, which
    /// <see cref="DeflateStream"/> takes as "no more input yet", not as the end of the stream.
    /// </summary>
    private sealed class Feed : Stream
    {
        private byte[] bytes = [];
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public void Set(byte[] message) => (bytes, position) = (message, 0);

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, bytes.Length - position);
            bytes.AsSpan(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
