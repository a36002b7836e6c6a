using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.TestHost;

namespace Hyper.Live.Testing.Connection;

/// <summary>
/// How a <see cref="LiveClient"/> reaches the app: HTTP requests and WebSocket upgrades either
/// in memory through a <see cref="TestServer"/> or over the network to a listening server.
/// </summary>
internal sealed class LiveTransport
{
    private readonly Func<HttpMessageHandler> createHandler;
    private readonly Func<Uri, string, string, CancellationToken, Task<WebSocket>> connect;

    private LiveTransport(Uri baseAddress, Func<HttpMessageHandler> createHandler, Func<Uri, string, string, CancellationToken, Task<WebSocket>> connect)
    {
        BaseAddress = baseAddress;
        this.createHandler = createHandler;
        this.connect = connect;
    }

    public Uri BaseAddress { get; }

    /// <summary>The origin a browser showing the app's pages sends with its socket.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public static LiveTransport InMemory(TestServer server) => InMemory(() => server);

    /// <summary>An app in memory whose server may be replaced (<see cref="LiveTestHost.RestartAsync"/>): each request and socket goes to the current one.</summary>
    public static LiveTransport InMemory(Func<TestServer> server) => new(
        server().BaseAddress,
        () => new CurrentServerHandler(server),
        async (uri, cookie, origin, cancellationToken) =>
        {
            var client = server().CreateWebSocketClient();
            client.ConfigureRequest = request =>
            {
                request.Headers.Cookie = cookie;
                request.Headers.Origin = origin;
            };
            return await client.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        });

    public static LiveTransport Network(Uri baseAddress) => new(
        baseAddress,
        // Cookies and redirects are the client's own business (it must see both, as a browser does).
        () => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All },
        async (uri, cookie, origin, cancellationToken) =>
        {
            var socket = new ClientWebSocket();
            try
            {
                socket.Options.SetRequestHeader("Cookie", cookie);
                socket.Options.SetRequestHeader("Origin", origin);
                await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        });

    public HttpMessageHandler CreateHandler() => createHandler();

    /// <summary>Opens the socket at <paramref name="path"/> (with its query) with the page's cookies and origin.</summary>
    public Task<WebSocket> ConnectAsync(string path, string cookie, CancellationToken cancellationToken)
    {
        var scheme = BaseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        var uri = new Uri($"{scheme}://{BaseAddress.Authority}{path}");
        return connect(uri, cookie, Origin, cancellationToken);
    }
}
