namespace Hyper.Live.Views;

/// <summary>A navigation a view asked for, carried out by the session after the current callback.</summary>
/// <param name="Kind">Patch, live navigation or page load.</param>
/// <param name="To">A path on this site, or an http(s) URL when <paramref name="External"/>.</param>
/// <param name="Replace">Whether the navigation replaces the current history entry.</param>
/// <param name="External">A redirect the view explicitly sent off-site (<see cref="LiveView.RedirectExternal(string, bool)"/>).</param>
internal sealed record Navigation(NavigationKind Kind, string To, bool Replace, bool External = false)
{
    /// <summary>
    /// <see cref="To"/>, checked once more where it leaves the server: a path on this site, or an
    /// http(s) URL for an external redirect, to one of <paramref name="allowedExternalHosts"/> when
    /// that list is not empty. Throws otherwise, so no code path that bypassed the view's own checks
    /// can emit an open redirect or a script URL.
    /// </summary>
    public string CheckedTo(ICollection<string> allowedExternalHosts)
    {
        var allowed = External
            ? Kind == NavigationKind.Redirect && NavigationUrls.IsHttp(To) &&
                (allowedExternalHosts.Count == 0 || allowedExternalHosts.Contains(new Uri(To).Host, StringComparer.OrdinalIgnoreCase))
            : NavigationUrls.IsLocal(To);
        return allowed ? To : throw new InvalidOperationException(
            $"Refused to send a {Kind} to '{To}': only paths on this site, or http(s) URLs by RedirectExternal" +
            (allowedExternalHosts.Count > 0 ? $" to a host of HyperLiveOptions.AllowedRedirectHosts ({string.Join(", ", allowedExternalHosts)})." : "."));
    }
}

/// <summary>How a view navigates (protocol §6.2).</summary>
internal enum NavigationKind
{
    /// <summary>Same view, new URL: <c>HandleParams</c> runs, no remount (<c>live_patch</c>).</summary>
    Patch,

    /// <summary>Another live view without a page load (<c>live_redirect</c>).</summary>
    Navigate,

    /// <summary>A full page load, possibly to another site (<c>redirect</c>).</summary>
    Redirect,
}
