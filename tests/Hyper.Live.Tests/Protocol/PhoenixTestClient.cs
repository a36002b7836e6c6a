using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hyper.Live.Tests.Protocol;

/// <summary>
/// Speaks the Phoenix protocol over a real <see cref="ClientWebSocket"/> the way the browser
/// client does: dead-render GET (tokens, CSRF meta and cookie), then socket and frames.
/// </summary>
public sealed partial class PhoenixTestClient : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly Uri baseAddress;
    private int nextRef = 1;

    private PhoenixTestClient(Uri baseAddress) => this.baseAddress = baseAddress;

    public WebSocket Socket => socket;

    public LivePage Page { get; private set; } = null!;

    public static async Task<LivePage> LoadAsync(Uri baseAddress, string path, string? user = null)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress };
        if (user is not null)
        {
            http.DefaultRequestHeaders.Add(TestUserHeader, user);
        }

        var html = await http.GetStringAsync(path);
        string Attribute(string pattern) => WebUtility.HtmlDecode(Regex.Match(html, pattern).Groups[1].Value);
        return new LivePage(
            new Uri(baseAddress, path),
            html,
            Attribute("<div id=\"([^\"]+)\" data-phx-main"),
            Attribute("data-phx-session=\"([^\"]+)\""),
            Attribute("data-phx-static=\"([^\"]+)\""),
            Attribute("<meta name=\"csrf-token\" content=\"([^\"]+)\""),
            cookies.GetCookieHeader(baseAddress));
    }

    /// <summary>Loads <paramref name="path"/> and opens the socket with its CSRF token and cookie.</summary>
    public static async Task<PhoenixTestClient> ConnectAsync(Uri baseAddress, string path, string? csrfOverride = null, string? origin = null, string? user = null, string? socketUser = null, Action<ClientWebSocketOptions>? socketOptions = null)
    {
        var client = new PhoenixTestClient(baseAddress);
        client.Page = await LoadAsync(baseAddress, path, user);
        socketOptions?.Invoke(client.socket.Options);
        await client.OpenAsync(csrfOverride ?? client.Page.Csrf, client.Page.Cookie, origin, socketUser ?? user);
        return client;
    }

    /// <summary>Opens a new socket for an already loaded <paramref name="page"/>, as the browser does after a network drop.</summary>
    public static async Task<PhoenixTestClient> ReopenAsync(Uri baseAddress, LivePage page, string? user = null)
    {
        var client = new PhoenixTestClient(baseAddress) { Page = page };
        await client.OpenAsync(page.Csrf, page.Cookie, user: user);
        return client;
    }

    /// <summary>Drops the connection without a close handshake, as a lost network does.</summary>
    public void Drop() => socket.Abort();

    /// <summary>The header a test authentication scheme reads the user's name (and roles after a colon) from.</summary>
    public const string TestUserHeader = "X-Test-User";

    public async Task OpenAsync(string csrf, string cookie, string? origin = null, string? user = null)
    {
        if (!string.IsNullOrEmpty(user))
        {
            socket.Options.SetRequestHeader(TestUserHeader, user);
        }

        socket.Options.SetRequestHeader("Cookie", cookie);
        socket.Options.SetRequestHeader("Origin", origin ?? baseAddress.GetLeftPart(UriPartial.Authority));
        var uri = new Uri($"ws://{baseAddress.Authority}/live/websocket?_csrf_token={Uri.EscapeDataString(csrf)}&_mounts=0&vsn=2.0.0");
        await socket.ConnectAsync(uri, CancellationToken.None);
    }

    public string Topic => "lv:" + Page.Id;

    /// <summary>Sends a frame and returns its ref.</summary>
    public async Task<string> PushAsync(string? joinRef, string topic, string eventName, object payload)
    {
        var refValue = (nextRef++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var frame = JsonSerializer.Serialize(new object?[] { joinRef, refValue, topic, eventName, payload });
        await SendTextAsync(frame);
        return refValue;
    }

    public Task SendTextAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Joins the page's view; returns the join ref. <paramref name="trackStatic"/> is the page's tracked asset URLs.</summary>
    /// <remarks>A rejoin after a reconnect counts its earlier joins in <paramref name="mounts"/> (<c>_mounts</c>).</remarks>
    public Task<string> JoinAsync(string? session = null, object? staticToken = null, string? url = null, string? redirect = null, string? topic = null, int mounts = 0, string[]? trackStatic = null)
    {
        var parameters = new Dictionary<string, object?> { ["_csrf_token"] = Page.Csrf, ["_mounts"] = mounts, ["_mount_attempts"] = 0 };
        if (trackStatic is not null)
        {
            parameters["_track_static"] = trackStatic;
        }

        var payload = new Dictionary<string, object?>
        {
            ["params"] = parameters,
            ["session"] = session ?? Page.Session,
            ["static"] = staticToken ?? Page.Static,
            ["sticky"] = false,
        };
        if (redirect is not null)
        {
            payload["redirect"] = redirect;
        }
        else
        {
            payload["url"] = url ?? Page.Url.ToString();
        }

        return PushJoinAsync(topic ?? Topic, payload);
    }

    private async Task<string> PushJoinAsync(string topic, object payload)
    {
        var refValue = (nextRef++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendTextAsync(JsonSerializer.Serialize(new object?[] { refValue, refValue, topic, "phx_join", payload }));
        return refValue;
    }

    /// <summary>The next frame from the server, as its 5 elements.</summary>
    public async Task<JsonArray> ReceiveAsync(TimeSpan? timeout = null)
    {
        var text = await ReceiveTextAsync(timeout);
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>Frames until the reply to <paramref name="refValue"/>; returns the reply's payload.</summary>
    public async Task<JsonObject> ReplyToAsync(string refValue, List<JsonArray>? others = null)
    {
        while (true)
        {
            var frame = await ReceiveAsync();
            if ((string?)frame[3] == "phx_reply" && (string?)frame[1] == refValue)
            {
                return frame[4]!.AsObject();
            }

            others?.Add(frame);
        }
    }

    public async Task<string> ReceiveTextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketClosedException(socket.CloseStatus, socket.CloseStatusDescription);
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }

        socket.Dispose();
    }

    public sealed record LivePage(Uri Url, string Html, string Id, string Session, string Static, string Csrf, string Cookie);

    public sealed class WebSocketClosedException(WebSocketCloseStatus? status, string? description)
        : Exception($"The server closed the socket: {status} {description}")
    {
        public WebSocketCloseStatus? Status { get; } = status;
    }
}
