using System.Net;

namespace Hyper.Live.LoadTest;

/// <summary>
/// The browser's first step: GET the page and pick out what the join needs (protocol §1): the
/// container id and its signed tokens, the CSRF meta tag, the CSRF cookie, the tracked script.
/// </summary>
internal sealed class PageLoader : IDisposable
{
    private readonly HttpClient http;
    private readonly Uri baseAddress;

    public PageLoader(Uri baseAddress, int connections)
    {
        this.baseAddress = baseAddress;

        // Cookies are per browser, not per harness: each page load handles its own.
        http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = connections })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Loads <paramref name="path"/>; <paramref name="cookie"/> is the browser's cookie header, if it has one.</summary>
    public async Task<LivePage> LoadAsync(string path, string? cookie, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml");
        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            // "hyper_live_csrf=SECRET; path=/; samesite=lax; httponly" → "hyper_live_csrf=SECRET"
            cookie = string.Join("; ", setCookies.Select(value => value.Split(';', 2)[0]));
        }

        var trackStatic = Attribute(html, "phx-track-static src=\"", required: false);
        return new LivePage(
            new Uri(baseAddress, path).ToString(),
            "phx-" + Attribute(html, " id=\"phx-", required: true),
            Attribute(html, "data-phx-session=\"", required: true)!,
            Attribute(html, "data-phx-static=\"", required: true)!,
            Attribute(html, "<meta name=\"csrf-token\" content=\"", required: true)!,
            cookie ?? throw new InvalidOperationException("the page set no CSRF cookie"),
            trackStatic is null ? null : new Uri(baseAddress, trackStatic).ToString(),
            System.Text.Encoding.UTF8.GetByteCount(html));
    }

    public void Dispose() => http.Dispose();

    private static string? Attribute(string html, string prefix, bool required)
    {
        var start = html.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return required ? throw new InvalidOperationException($"the page has no {prefix.Trim()}") : null;
        }

        start += prefix.Length;
        var end = html.IndexOf('"', start);
        return WebUtility.HtmlDecode(html[start..end]);
    }
}
