using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Hyper.Live.Tests.Protocol;

namespace Hyper.Live.Tests.Transports;

/// <summary>
/// The close frame the server answers with, read as bytes off the wire: .NET's <c>WebSocket</c> API
/// cannot send a close frame without a payload, so these tests speak RFC 6455 over a plain TCP stream.
/// </summary>
public sealed class CloseFrameTests(LiveTestServer server) : IClassFixture<LiveTestServer>
{
    [Fact]
    public async Task A_close_without_a_code_is_answered_with_an_empty_close_frame()
    {
        // Any code in the answer (1000 above all) makes the Phoenix client stop reconnecting and reload the page.
        await using var socket = await RawSocket.OpenAsync(server.BaseAddress, "/counter");

        await socket.SendCloseAsync([]);
        var (opcode, payload) = await socket.ReadFrameAsync();

        Assert.Equal(0x8, opcode);
        Assert.Empty(payload);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(4000)]
    public async Task A_close_with_a_code_is_answered_with_the_same_code(int code)
    {
        await using var socket = await RawSocket.OpenAsync(server.BaseAddress, "/counter");

        await socket.SendCloseAsync([(byte)(code >> 8), (byte)code]);
        var (opcode, payload) = await socket.ReadFrameAsync();

        Assert.Equal(0x8, opcode);
        Assert.Equal(code, (payload[0] << 8) | payload[1]);
    }

    /// <summary>A WebSocket client written against the byte level of RFC 6455, enough for close handshakes.</summary>
    private sealed class RawSocket(TcpClient tcp, NetworkStream stream) : IAsyncDisposable
    {
        public static async Task<RawSocket> OpenAsync(Uri baseAddress, string path)
        {
            var page = await PhoenixTestClient.LoadAsync(baseAddress, path);
            var tcp = new TcpClient();
            await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
            var stream = tcp.GetStream();
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var request =
                $"GET /live/websocket?_csrf_token={Uri.EscapeDataString(page.Csrf)}&vsn=2.0.0 HTTP/1.1\r\n" +
                $"Host: {baseAddress.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n" +
                $"Origin: {baseAddress.GetLeftPart(UriPartial.Authority)}\r\nCookie: {page.Cookie}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

            // Read the response head byte by byte, so no frame byte after it is consumed.
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                await stream.ReadExactlyAsync(one);
                head.Append((char)one[0]);
            }

            Assert.StartsWith("HTTP/1.1 101", head.ToString(), StringComparison.Ordinal);
            return new RawSocket(tcp, stream);
        }

        public async Task SendCloseAsync(byte[] payload)
        {
            // Client frames are masked (RFC 6455 §5.3); a zero mask keeps the payload as it is.
            byte[] frame = [0x88, (byte)(0x80 | payload.Length), 0, 0, 0, 0, .. payload];
            await stream.WriteAsync(frame);
        }

        public async Task<(int Opcode, byte[] Payload)> ReadFrameAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var header = new byte[2];
            await stream.ReadExactlyAsync(header, timeout.Token);
            var payload = new byte[header[1] & 0x7F];   // close frames are short: no extended length
            await stream.ReadExactlyAsync(payload, timeout.Token);
            return (header[0] & 0x0F, payload);
        }

        public ValueTask DisposeAsync()
        {
            tcp.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
