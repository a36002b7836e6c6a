using System.Text;
using Microsoft.Playwright;

namespace Hyper.Live.BrowserBench;

/// <summary>
/// Payload bytes of the page's WebSocket frames as Chromium sees them (decompressed), without
/// the heartbeats, which belong to no click.
/// </summary>
internal sealed class WireCounter
{
    private readonly Lock gate = new();
    private readonly StringBuilder downText = new();
    private long up;
    private long down;

    public void Attach(IWebSocket socket)
    {
        socket.FrameSent += (_, frame) => Add(frame, sent: true);
        socket.FrameReceived += (_, frame) => Add(frame, sent: false);
    }

    /// <summary>The bytes since the last call (and the text received), and starts counting afresh.</summary>
    public (long Up, long Down, string DownText) Take()
    {
        lock (gate)
        {
            var result = (up, down, downText.ToString());
            up = down = 0;
            downText.Clear();
            return result;
        }
    }

    private void Add(IWebSocketFrame frame, bool sent)
    {
        var text = frame.Text ?? "";
        if (text.Contains("\"phoenix\",\"heartbeat\"", StringComparison.Ordinal) || text.Contains("\"phoenix\",\"phx_reply\"", StringComparison.Ordinal))
        {
            return;
        }

        var bytes = frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(text);
        lock (gate)
        {
            if (sent)
            {
                up += bytes;
            }
            else
            {
                down += bytes;
                downText.Append(text);
            }
        }
    }
}
