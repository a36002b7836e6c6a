using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Hyper.Live.Security;

/// <summary>
/// Reads one query parameter or cookie without <see cref="HttpRequest.Query"/> or
/// <see cref="HttpRequest.Cookies"/>. Those parse every pair once and keep the collection in
/// the request's features, which for a WebSocket upgrade live as long as the socket: about
/// 1 KB per socket of dictionaries and strings that nobody reads again (measured with the
/// load harness). The socket endpoint needs two query values and one cookie, once.
/// </summary>
internal static class UncachedRequestValues
{
    /// <summary>The first value of query parameter <paramref name="name"/>, decoded, or null.</summary>
    public static string? Query(HttpRequest request, string name)
    {
        foreach (var pair in new QueryStringEnumerable(request.QueryString.Value))
        {
            if (pair.EncodedName.Span.SequenceEqual(name))
            {
                return pair.DecodeValue().ToString();
            }
        }

        return null;
    }

    /// <summary>The value of cookie <paramref name="name"/> (unescaped, quotes kept, as <see cref="HttpRequest.Cookies"/> gives it), or null.</summary>
    public static string? Cookie(HttpRequest request, string name)
    {
        foreach (var header in request.Headers.Cookie)
        {
            var rest = header.AsSpan();
            while (!rest.IsEmpty)
            {
                var end = rest.IndexOfAny(';', ',');
                var pair = (end < 0 ? rest : rest[..end]).Trim();
                rest = end < 0 ? [] : rest[(end + 1)..];
                var equals = pair.IndexOf('=');
                if (equals > 0 && pair[..equals].TrimEnd().SequenceEqual(name))
                {
                    return Uri.UnescapeDataString(pair[(equals + 1)..].Trim().ToString());
                }
            }
        }

        return null;
    }
}
