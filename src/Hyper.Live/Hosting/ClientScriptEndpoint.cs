using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Hyper.Live.Hosting;

/// <summary>
/// Serves <see cref="ClientScript"/> at <see cref="ClientScript.Path"/>: Brotli, gzip or as is,
/// as the request's <c>Accept-Encoding</c> allows, each form compressed once at build time.
/// </summary>
internal static class ClientScriptEndpoint
{
    private const string ContentType = "text/javascript; charset=utf-8";

    // Only a URL carrying the current hash names immutable content; the bare path (or an old
    // hash) must be revalidated, since it serves whatever the running build embeds.
    private const string ImmutableCaching = "public, max-age=31536000, immutable";
    private const string Revalidate = "no-cache";

    /// <summary>Maps GET/HEAD <c>/_hyper/live.js</c> to the embedded client bundle.</summary>
    internal static IEndpointConventionBuilder MapClientScript(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(ClientScript.Path, [HttpMethods.Get, HttpMethods.Head], Serve)
            .WithDisplayName("Hyper.Live client script");

    private static Task Serve(HttpContext context)
    {
        ClientScript script = ClientScript.Shared;
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        ClientScriptVariant variant = Choose(script, request.GetTypedHeaders().AcceptEncoding);

        // Caches must key the stored response on Accept-Encoding, 304s included.
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.ETag = variant.ETag;
        response.Headers.CacheControl = request.Query["v"] == script.Hash ? ImmutableCaching : Revalidate;

        if (MatchesETag(request, script))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        if (variant.ContentCoding is { } coding)
        {
            response.Headers.ContentEncoding = coding;
        }

        response.ContentLength = variant.Content.Length;
        return HttpMethods.IsHead(request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(variant.Content, context.RequestAborted).AsTask();
    }

    /// <summary>
    /// Brotli, else gzip, else the bundle as is: the smallest form the request accepts with a
    /// quality above zero (<c>*</c> stands for codings it does not name; RFC 9110 §12.5.3).
    /// </summary>
    internal static ClientScriptVariant Choose(ClientScript script, IList<StringWithQualityHeaderValue> acceptEncoding)
    {
        if (Accepts(acceptEncoding, "br"))
        {
            return script.Brotli;
        }

        return Accepts(acceptEncoding, "gzip") ? script.Gzip : script.Identity;
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> acceptEncoding, string coding)
    {
        double? named = null;
        double? wildcard = null;
        foreach (StringWithQualityHeaderValue entry in acceptEncoding)
        {
            double quality = entry.Quality ?? 1;
            if (StringSegment.Equals(entry.Value, coding, StringComparison.OrdinalIgnoreCase))
            {
                named = Math.Max(named ?? 0, quality);
            }
            else if (entry.Value == "*")
            {
                wildcard = Math.Max(wildcard ?? 0, quality);
            }
        }

        return (named ?? wildcard ?? 0) > 0;
    }

    // If-None-Match uses the weak comparison (RFC 9110 §13.1.2), so a proxy that weakened our
    // tag (W/"…") still gets a 304. Any form of the current bundle matches: a cache that holds
    // the gzip form may keep using it even when Brotli would be chosen now.
    private static bool MatchesETag(HttpRequest request, ClientScript script)
    {
        IList<EntityTagHeaderValue> candidates = request.GetTypedHeaders().IfNoneMatch;
        if (candidates.Count == 0)
        {
            return false;
        }

        EntityTagHeaderValue[] ours = [new(script.Identity.ETag), new(script.Brotli.ETag), new(script.Gzip.ETag)];
        foreach (EntityTagHeaderValue candidate in candidates)
        {
            if (candidate.Equals(EntityTagHeaderValue.Any) || ours.Any(tag => candidate.Compare(tag, useStrongComparison: false)))
            {
                return true;
            }
        }

        return false;
    }
}
