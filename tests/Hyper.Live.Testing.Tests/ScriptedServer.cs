using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Hyper.Live.Testing.Tests;

/// <summary>
/// A fake Phoenix LiveView server in memory whose socket behaviour each test scripts frame by frame,
/// to check the client against the protocol's shapes (including ones Hyper.Live's server does not send yet).
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    public const string Session = "SESS";
    public const string Static = "STAT";
    public const string ViewId = "phx-F1";
    public const string Topic = "lv:" + ViewId;

    private readonly WebApplication app;
    private readonly ConcurrentQueue<JsonArray> received = new();

    private ScriptedServer(WebApplication app) => this.app = app;

    /// <summary>Called for every frame the client sends; answer with <see cref="Socket.Send"/>.</summary>
    public Func<Socket, JsonArray, Task> OnFrame { get; set; } = (_, _) => Task.CompletedTask;

    /// <summary>The page's HTML title element.</summary>
    public string TitleElement { get; set; } = "<title>Start</title>";

    /// <summary>The container's inner HTML of the dead render.</summary>
    public string DeadBody { get; set; } = "<p>dead</p>";

    public IReadOnlyList<JsonArray> Received => [.. received];

    /// <summary>Query strings of every socket the client opened.</summary>
    public ConcurrentQueue<string> SocketQueries { get; } = new();

    /// <summary>Cookie headers of every page request.</summary>
    public ConcurrentQueue<string> PageCookies { get; } = new();

    public static async Task<ScriptedServer> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.UseWebSockets();
        app.Map("/live/websocket", server.RunSocket);
        app.MapGet("/{**path}", server.Page);
        await app.StartAsync();
        return server;
    }

    public LiveClient CreateClient() => new(app.GetTestServer()) { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The frames received with event <paramref name="eventName"/>.</summary>
    public List<JsonArray> ReceivedEvents(string eventName) => [.. Received.Where(f => (string?)f[3] == eventName)];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private Task Page(HttpContext context)
    {
        PageCookies.Enqueue(context.Request.Headers.Cookie.ToString());
        context.Response.Headers.SetCookie = "csrf_secret=s3cret; path=/; httponly";
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html><html><head><meta name="csrf-token" content="CSRF1">{TitleElement}<script defer phx-track-static src="/assets/app.js?v=1"></script></head>
            <body><div id="{ViewId}" data-phx-main data-phx-session="{Session}" data-phx-static="{Static}">{DeadBody}</div></body></html>
            """);
    }

    private async Task RunSocket(HttpContext context)
    {
        SocketQueries.Enqueue(context.Request.QueryString.Value ?? "");
        using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        var socket = new Socket(webSocket, context.Request.Headers.Cookie.ToString());
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), context.RequestAborted);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var frame = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!.AsArray();
                received.Enqueue(frame);
                await OnFrame(socket, frame);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
        }
    }

    /// <summary>The server end of one client socket.</summary>
    public sealed class Socket(WebSocket webSocket, string cookie)
    {
        private readonly SemaphoreSlim sending = new(1, 1);

        public string Cookie { get; } = cookie;

        public async Task Send(string? joinRef, string? refValue, string topic, string eventName, JsonNode payload)
        {
            var bytes = Encoding.UTF8.GetBytes(new JsonArray(joinRef, refValue, topic, eventName, payload).ToJsonString());
            await sending.WaitAsync();
            try
            {
                await webSocket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                sending.Release();
            }
        }

        /// <summary>Replies ok to <paramref name="frame"/> with <paramref name="response"/> (JSON).</summary>
        public Task Reply(JsonArray frame, string response = "{}", string status = "ok") =>
            Send((string?)frame[0], (string?)frame[1], (string)frame[2]!, "phx_reply", new JsonObject { ["status"] = status, ["response"] = JsonNode.Parse(response) });

        /// <summary>Pushes an event on the view's topic, stamped with <paramref name="joinRef"/>.</summary>
        public Task Push(string? joinRef, string eventName, string payload) => Send(joinRef, null, Topic, eventName, JsonNode.Parse(payload)!);

        public Task Close() => webSocket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "bye", CancellationToken.None);
    }
}
