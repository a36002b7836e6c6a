namespace Hyper.Live.Views;

/// <summary>
/// Which URLs a view may navigate to: paths on this site, or (for an explicit external redirect)
/// http(s) URLs. Checked when the view asks, so its author sees the problem at the call, and
/// again where a navigation leaves the server (<see cref="Navigation.CheckedTo"/>).
/// </summary>
internal static class NavigationUrls
{
    /// <summary>
    /// A path on this site, such as <c>/orders?page=2</c>: starts with one <c>/</c>, not <c>//</c>
    /// or <c>/\</c> (which browsers read as another host), and holds no control characters (browsers
    /// drop tabs and newlines, which would turn <c>/&#9;/host</c> into <c>//host</c>).
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is ['/', ..] && !(url.Length > 1 && url[1] is '/' or '\\') && !HasControlCharacter(url);

    /// <summary>An absolute <c>http</c> or <c>https</c> URL with a host, and no whitespace or control characters.</summary>
    public static bool IsHttp(string? url) =>
        url is not null && !HasControlCharacter(url) && !url.Contains(' ', StringComparison.Ordinal) &&
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsHttp(uri);

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="url"/> is <see cref="IsLocal">local</see>.</summary>
    public static string RequireLocal(string url, string method, string parameter) =>
        IsLocal(url) ? url : throw new ArgumentException(
            $"{method} only goes to a path on this site, such as /orders?page=2, not '{url}'" +
            (IsHttp(url) && method == nameof(LiveView.Redirect) ? $"; use {nameof(LiveView.RedirectExternal)} to leave the site." : "."),
            parameter);

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="url"/> is an absolute http(s) URL.</summary>
    public static string RequireHttp(string url, string parameter) =>
        IsHttp(url) ? url : throw new ArgumentException(
            $"{nameof(LiveView.RedirectExternal)} only goes to an absolute http:// or https:// URL, not '{url}'.", parameter);

    /// <summary>
    /// <paramref name="url"/> as an absolute URL when it is <see cref="IsOnSite">on</see> <paramref name="host"/>;
    /// else null (a URL a client sent for another host or scheme, such as <c>javascript:</c>, names no route of this app).
    /// </summary>
    public static Uri? OnSite(string? url, string? host) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsOnSite(uri, host) ? uri : null;

    /// <summary>
    /// Whether <paramref name="uri"/> is an http(s) URL for <paramref name="host"/> (a name or IP literal as
    /// in a <c>Host</c> header, without the port). The scheme and port may differ: behind a proxy that
    /// ends TLS the app sees http on its own port while the browser's URL is https.
    /// </summary>
    public static bool IsOnSite(Uri uri, string? host) =>
        !string.IsNullOrEmpty(host) && uri.IsAbsoluteUri && IsHttp(uri) && string.Equals(uri.Host, host, StringComparison.OrdinalIgnoreCase);

    private static bool IsHttp(Uri uri) =>
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    private static bool HasControlCharacter(string url) => url.AsSpan().ContainsAnyInRange('\0', '\u001f') || url.Contains('\u007f', StringComparison.Ordinal);
}
