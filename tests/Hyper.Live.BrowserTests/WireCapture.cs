using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Hyper.Live.BrowserTests;

/// <summary>One WebSocket text or binary frame as the browser sent or received it.</summary>
/// <param name="Socket">Index of the page's WebSocket it travelled on (0 = first, 1 = after the first reconnect, …).</param>
/// <param name="Sent">True for browser → server.</param>
/// <param name="Text">The text payload, or null for a binary frame.</param>
/// <param name="Bytes">Payload length in bytes (UTF-8 for text; WebSocket framing excluded).</param>
public sealed record WireFrame(int Socket, bool Sent, string? Text, int Bytes)
{
    /// <summary>The V2 array <c>[join_ref, ref, topic, event, payload]</c> (throws if the text is not JSON).</summary>
    public JsonElement Json => JsonDocument.Parse(Text ?? throw new InvalidOperationException("binary frame")).RootElement;

    public string? Topic => Element(2);

    public string? Event => Element(3);

    public string? Ref => Element(1);

    /// <summary>A Phoenix heartbeat or its reply (topic "phoenix").</summary>
    public bool IsHeartbeat => Topic == "phoenix";

    private string? Element(int index)
    {
        if (Text is null)
        {
            return null;
        }

        try
        {
            var json = Json;
            return json.ValueKind == JsonValueKind.Array && json.GetArrayLength() > index && json[index].ValueKind == JsonValueKind.String
                ? json[index].GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override string ToString() => $"#{Socket} {(Sent ? "C->S" : "S->C")} {Bytes,6} B {Text}";
}

/// <summary>
/// Records every WebSocket frame of a page (all its sockets, in order), from Playwright's
/// <c>page.WebSocket</c> / <c>FrameSent</c> / <c>FrameReceived</c> events. Attach before
/// navigating. Thread-safe: Playwright raises the events on its own dispatcher.
/// </summary>
public sealed class WireCapture
{
    private readonly object gate = new();
    private readonly List<WireFrame> frames = [];
    private readonly List<IWebSocket> sockets = [];
    private readonly List<(Func<WireFrame, bool> Match, TaskCompletionSource<WireFrame> Done)> waiters = [];

    public WireCapture(IPage page)
    {
        page.WebSocket += (_, socket) =>
        {
            int index;
            lock (gate)
            {
                index = sockets.Count;
                sockets.Add(socket);
            }

            socket.FrameSent += (_, frame) => Add(new WireFrame(index, true, frame.Text, Length(frame)));
            socket.FrameReceived += (_, frame) => Add(new WireFrame(index, false, frame.Text, Length(frame)));
        };
    }

    /// <summary>How many WebSockets the page opened so far.</summary>
    public int SocketCount
    {
        get
        {
            lock (gate)
            {
                return sockets.Count;
            }
        }
    }

    /// <summary>A snapshot of all frames so far.</summary>
    public IReadOnlyList<WireFrame> Frames
    {
        get
        {
            lock (gate)
            {
                return [.. frames];
            }
        }
    }

    /// <summary>Frames recorded after the first <paramref name="skip"/> ones.</summary>
    public IReadOnlyList<WireFrame> Since(int skip)
    {
        lock (gate)
        {
            return [.. frames.Skip(skip)];
        }
    }

    /// <summary>Completes with the first frame (already recorded or future) that matches, or fails after <paramref name="timeout"/>.</summary>
    public async Task<WireFrame> WaitForAsync(Func<WireFrame, bool> match, TimeSpan? timeout = null, int skip = 0)
    {
        TaskCompletionSource<WireFrame> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var existing = frames.Skip(skip).FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }

            waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("no matching WebSocket frame; frames so far:\n" + string.Join('\n', Frames));
        }
        finally
        {
            lock (gate)
            {
                waiters.RemoveAll(waiter => waiter.Done == done);
            }
        }
    }

    /// <summary>The server's reply (<c>phx_reply</c>) to the frame the browser sent, matched by socket, topic and ref.</summary>
    public Task<WireFrame> ReplyToAsync(WireFrame request) =>
        WaitForAsync(frame => !frame.Sent && frame.Socket == request.Socket && frame.Event == "phx_reply" &&
            frame.Topic == request.Topic && frame.Ref == request.Ref);

    private void Add(WireFrame frame)
    {
        List<TaskCompletionSource<WireFrame>> completed = [];
        lock (gate)
        {
            frames.Add(frame);
            foreach (var waiter in waiters.Where(waiter => waiter.Match(frame)).ToList())
            {
                completed.Add(waiter.Done);
                waiters.Remove(waiter);
            }
        }

        foreach (var done in completed)
        {
            done.TrySetResult(frame);
        }
    }

    private static int Length(IWebSocketFrame frame) =>
        frame.Text is { } text ? Encoding.UTF8.GetByteCount(text) : frame.Binary?.Length ?? 0;
}
