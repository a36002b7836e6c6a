using System.Net;
using AngleSharp.Html.Parser;
using Hyper.Live.Testing.Connection;
using Hyper.Live.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Testing;

/// <summary>
/// A browser for tests: keeps cookies, loads live pages over HTTP and joins them over the real
/// Phoenix socket. Each <see cref="LiveAsync"/> opens a page with its own socket, as a browser tab does.
/// </summary>
/// <example>
/// <code>
/// await using var client = factory.CreateLiveClient();
/// var page = await client.Live("/counter");
/// await page.Click("increment");
/// Assert.Equal("Count: 1", page.Text("h2"));
/// </code>
/// </example>
public sealed class LiveClient : IAsyncDisposable
{
    private const int MaxRedirects = 10;
    private static readonly HtmlParser Parser = new();

    private readonly List<LivePage> pages = [];

    // The app's services when it runs in memory: a 404 then lists the live routes the app has.
    private readonly IServiceProvider? services;

    /// <summary>A client for an app hosted in memory by a <see cref="TestServer"/> (what <c>WebApplicationFactory</c> and <see cref="LiveTestHost"/> run).</summary>
    /// <param name="server">The app's test server.</param>
    public LiveClient(TestServer server)
        : this(LiveTransport.InMemory(server ?? throw new ArgumentNullException(nameof(server))))
    {
        services = server.Services;
    }

    /// <summary>A client for the app of <paramref name="host"/>, which keeps working across <see cref="LiveTestHost.RestartAsync"/>.</summary>
    internal LiveClient(LiveTestHost host)
        : this(LiveTransport.InMemory(() => host.Server))
    {
        services = host.Services;
    }

    /// <summary>A client for an app listening on the network, e.g. Kestrel on a loopback port, over real sockets.</summary>
    /// <param name="baseAddress">The app's address, e.g. <c>http://127.0.0.1:5000/</c>.</param>
    public LiveClient(Uri baseAddress)
        : this(LiveTransport.Network(baseAddress ?? throw new ArgumentNullException(nameof(baseAddress))))
    {
    }

    private LiveClient(LiveTransport transport)
    {
        // Before any view mounts, so pages can reach their server-side view (LivePage.View).
        ViewRegistry.EnsureListening();
        Transport = transport;
        Http = new HttpClient(new CookieHandler(Cookies, transport.CreateHandler())) { BaseAddress = transport.BaseAddress };
    }

    /// <summary>The app's address; paths are resolved against it.</summary>
    public Uri BaseAddress => Transport.BaseAddress;

    /// <summary>The browser's cookies: sent with every request and socket, updated by every response.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>An HTTP client for the app that shares <see cref="Cookies"/> and does not follow redirects, for requests that are not live pages.</summary>
    public HttpClient Http { get; }

    /// <summary>How long any single wait lasts (a reply, a join, <see cref="LivePage.NextUpdateAsync"/>) before it fails. 10 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    internal LiveTransport Transport { get; }

    /// <summary>
    /// Loads a live page as the browser does: GET it (following redirects), read the container's tokens, CSRF meta tag
    /// and cookie from the HTML, open the socket and join the view. The returned page shows the join's render.
    /// </summary>
    /// <param name="path">The page's path (<c>/todos?filter=all</c>) or absolute URL.</param>
    /// <param name="cancellationToken">Cancels loading.</param>
    /// <returns>The joined page; if the view redirected while mounting, a page whose <see cref="LivePage.Redirected"/> says where.</returns>
    /// <exception cref="HttpRequestException">The page did not load.</exception>
    /// <exception cref="InvalidOperationException">The page has no live view, or the join was refused.</exception>
    public async Task<LivePage> LiveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        var (url, html) = await Load(new Uri(BaseAddress, path), limit.Token).ConfigureAwait(false);
        var document = await Parser.ParseDocumentAsync(html, limit.Token).ConfigureAwait(false);
        var container = document.QuerySelector("[data-phx-session][data-phx-main]")
            ?? document.QuerySelector("[data-phx-session]:not([data-phx-parent-id])")
            ?? throw new InvalidOperationException($"{url.PathAndQuery} is not a live page: its HTML has no element with data-phx-session.");
        var page = new LivePage(this, url, html, document, container);
        lock (pages)
        {
            pages.Add(page);
        }

        try
        {
            await page.Connect(recoverFrom: null, cancellationToken).ConfigureAwait(false);
            if (page.Redirected is null)
            {
                await page.JoinChildren(document, container, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            lock (pages)
            {
                pages.Remove(page);
            }

            await page.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return page;
    }

    /// <summary>Closes every page this client opened and its HTTP client.</summary>
    public async ValueTask DisposeAsync()
    {
        LivePage[] open;
        lock (pages)
        {
            open = [.. pages];
            pages.Clear();
        }

        foreach (var page in open)
        {
            await page.DisposeAsync().ConfigureAwait(false);
        }

        Http.Dispose();
    }

    /// <summary>The Cookie header a request to the app carries.</summary>
    internal string CookieHeader() => Cookies.GetCookieHeader(BaseAddress);

    private async Task<(Uri Url, string Html)> Load(Uri url, CancellationToken cancellationToken)
    {
        for (var hops = 0; ; hops++)
        {
            using var response = await Http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                if (hops == MaxRedirects)
                {
                    throw new HttpRequestException($"GET {url.PathAndQuery} redirected more than {MaxRedirects} times.");
                }

                url = new Uri(url, location);
                continue;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(
                    $"GET {url.PathAndQuery} answered {(int)response.StatusCode} {response.StatusCode}: {(body.Length > 500 ? body[..500] + "…" : body)}"
                        + (response.StatusCode == HttpStatusCode.NotFound ? RoutesHint() : ""),
                    null,
                    response.StatusCode);
            }

            return (url, body);
        }
    }

    /// <summary>What a 404 adds to its message: the app's live routes, when the app runs in memory.</summary>
    private string RoutesHint()
    {
        var routes = services?.GetService<LiveRoutes>()?.All;
        return routes is null ? ""
            : routes.Count == 0 ? " (the app has no live routes: is MapHyperLive() called, and are its views in a *.Live namespace?)"
            : $" (live routes: {string.Join(", ", routes.Select(r => $"{r.Pattern} → {r.ViewType.Name}"))})";
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.Moved or HttpStatusCode.Redirect or HttpStatusCode.RedirectMethod or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
