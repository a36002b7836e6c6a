using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Hyper.Live.Hosting;

/// <summary>Serves <see cref="ClientScript"/> at <see cref="ClientScript.Path"/>.</summary>
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

        response.Headers.ETag = script.ETag;
        response.Headers.CacheControl = request.Query["v"] == script.Hash ? ImmutableCaching : Revalidate;

        if (MatchesETag(request, script.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = script.Content.Length;
        return HttpMethods.IsHead(request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(script.Content, context.RequestAborted).AsTask();
    }

    // If-None-Match uses the weak comparison (RFC 9110 §13.1.2), so a proxy that weakened our
    // tag (W/"…") still gets a 304.
    private static bool MatchesETag(HttpRequest request, string etag)
    {
        IList<EntityTagHeaderValue> candidates = request.GetTypedHeaders().IfNoneMatch;
        if (candidates.Count == 0)
        {
            return false;
        }

        EntityTagHeaderValue ours = new(etag);
        foreach (EntityTagHeaderValue candidate in candidates)
        {
            if (candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(ours, useStrongComparison: false))
            {
                return true;
            }
        }

        return false;
    }
}
