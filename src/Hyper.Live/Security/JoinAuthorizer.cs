using Hyper.Live.Protocol;
using Hyper.Live.Routing;
using Microsoft.AspNetCore.Http;
using Hyper.Live.Views;

namespace Hyper.Live.Security;

/// <summary>
/// Decides what a join may mount, on every join as on every request: the socket's CSRF check,
/// the signed session token (issued for one container, one view and one user), the static
/// token, the route of the URL the join names, and that route's authorization for the socket's
/// user. A <c>redirect</c> join (live navigation) mounts the view of its target route, and only
/// if that route authorizes the user; any other join mounts only the view its token was issued for.
/// </summary>
/// <remarks>
/// Refusals use Phoenix's reasons: <c>stale</c> for tokens and CSRF, <c>unauthorized</c> for
/// routes and users; both make the client load the page over HTTP, where the app's own
/// authorization answers (a login redirect, a 403).
/// </remarks>
internal sealed class JoinAuthorizer(LiveTokens tokens, LiveRoutes routes, RouteAuthorization authorization, ClientVersion version)
{
    /// <summary>Checks <paramref name="join"/>, sent on <paramref name="topic"/> over the socket of <paramref name="request"/>.</summary>
    public async Task<JoinDecision> AuthorizeAsync(string topic, JoinRequest join, HttpContext request, bool csrfValid)
    {
        if (!csrfValid)
        {
            return JoinDecision.Refuse("stale", "the socket's CSRF token did not match its cookie");
        }

        var token = tokens.ReadSession(join.Session);
        if (token is null || topic != PhoenixEvents.ViewTopicPrefix + token.Id)
        {
            return JoinDecision.Refuse("stale", token is null ? "invalid or expired session token" : "the session token belongs to another container");
        }

        if (join.Static is not null && tokens.ReadStatic(join.Static)?.Id != token.Id)
        {
            return JoinDecision.Refuse("stale", "invalid static token");
        }

        if (version.Mismatch(join.TrackedStatics) is { } otherBundle)
        {
            // "stale" has the client load the page again, which brings this deploy's bundle.
            return JoinDecision.Refuse("stale", $"the page was rendered by another version of the app: it runs {otherBundle}, this server serves {version.BundleUrl}")
                with { ClientError = "version_mismatch" };
        }

        if (token.User != UserIdentity.KeyOf(request.User))
        {
            return JoinDecision.Refuse("unauthorized", "the session token was issued to another user (signed in or out since the page was rendered)");
        }

        if (token.Nested is { } nested)
        {
            return await AuthorizeNestedAsync(token, nested, join, request).ConfigureAwait(false);
        }

        var viewType = routes.ViewByName(token.View);
        if (viewType is null)
        {
            return JoinDecision.Refuse("stale", $"the view '{token.View}' is not routed");
        }

        var uri = join.Redirect ?? join.Url;
        if (uri is null)
        {
            return JoinDecision.Mount(viewType, null, null) with { Request = token.Request ?? RequestSnapshot.Empty, SessionId = token.Session };
        }

        if (!NavigationUrls.IsOnSite(uri, request.Request.Host.Host))
        {
            return JoinDecision.Refuse("unauthorized", $"the {uri.Scheme} URL for host '{uri.Host}' is not on this site ({request.Request.Host.Host})");
        }

        if (routes.Match(uri) is not { } route)
        {
            return JoinDecision.Refuse("unauthorized", $"no live route serves {uri.AbsolutePath}");
        }

        if (join.Redirect is null && route.Route.ViewType != viewType)
        {
            return JoinDecision.Refuse("unauthorized", $"{uri.AbsolutePath} is no longer served by {viewType.Name}");
        }

        if (await authorization.CheckAsync(route.Route, request).ConfigureAwait(false) is { } denied)
        {
            return JoinDecision.Refuse("unauthorized", denied);
        }

        return JoinDecision.Mount(route.Route.ViewType, uri, route.Values) with { Request = token.Request ?? RequestSnapshot.Empty, SessionId = token.Session };
    }

    /// <summary>
    /// The join of an embedded view: the class its token names (no route needed), authorized by that class's
    /// <c>[Authorize]</c>; a child or sticky view has no URL, and no token of an embedded view can navigate.
    /// </summary>
    private static async Task<JoinDecision> AuthorizeNestedAsync(LiveTokens.SessionToken token, LiveTokens.NestedToken nested, JoinRequest join, HttpContext request)
    {
        if (join.Redirect is not null)
        {
            return JoinDecision.Refuse("unauthorized", $"the token of the embedded view '{token.View}' cannot navigate live");
        }

        if (Type.GetType(nested.Type, throwOnError: false) is not { IsAbstract: false } viewType || !viewType.IsSubclassOf(typeof(LiveView)))
        {
            return JoinDecision.Refuse("stale", $"the embedded view '{token.View}' does not exist (any more)");
        }

        if (await RouteAuthorization.CheckViewAsync(viewType, request).ConfigureAwait(false) is { } denied)
        {
            return JoinDecision.Refuse("unauthorized", denied);
        }

        // A page that is not live (a Razor page) gives its URL; children and sticky views have none.
        var uri = join.Url is { } url && NavigationUrls.IsOnSite(url, request.Request.Host.Host) ? url : null;
        return JoinDecision.Mount(viewType, uri, null) with { Request = token.Request ?? RequestSnapshot.Empty, Props = nested.Props };
    }
}
