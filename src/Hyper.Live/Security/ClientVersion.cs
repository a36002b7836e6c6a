namespace Hyper.Live.Security;

/// <summary>
/// Which client bundle this server serves, to tell a page rendered by another deploy: the page
/// tracks its bundle's fingerprinted URL (<c>phx-track-static</c>), and the client sends the
/// tracked URLs with every join (<c>params._track_static</c>).
/// </summary>
/// <param name="bundleUrl">This server's bundle URL, path and fingerprint query (<c>/_hyper/live.js?v=…</c>).</param>
internal sealed class ClientVersion(string bundleUrl)
{
    private readonly string bundlePath = bundleUrl.Split('?')[0];

    /// <summary>This server's bundle URL.</summary>
    public string BundleUrl => bundleUrl;

    /// <summary>The tracked bundle URL that is not this server's, or null when none is (or the page tracks none).</summary>
    public string? Mismatch(IReadOnlyList<string>? trackedStatics)
    {
        foreach (var tracked in trackedStatics ?? [])
        {
            if (!Uri.TryCreate(tracked, UriKind.Absolute, out var url) || url.AbsolutePath != bundlePath)
            {
                continue;
            }

            if (url.PathAndQuery != bundleUrl)
            {
                return url.PathAndQuery;
            }
        }

        return null;
    }
}
