using System.Text.Json;

namespace Hyper.Live.Protocol;

/// <summary>
/// URLs the client sends (the join's <c>url</c> and <c>redirect</c>, <c>live_patch</c>'s
/// <c>url</c>): always the page's own absolute http(s) URL. Anything else (<c>javascript:</c>,
/// <c>file:</c>, a relative path) reads as absent, so no route can match it.
/// </summary>
internal static class WireUrl
{
    /// <summary>The URL in the string property <paramref name="name"/>, without its #fragment; null if absent or not absolute http(s).</summary>
    public static Uri? Read(JsonElement payload, string name)
    {
        if (!payload.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        // The client may send a #fragment; it is not part of the route.
        var text = value.GetString()!.Split('#')[0];
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
    }
}
