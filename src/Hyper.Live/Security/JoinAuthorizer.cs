using Hyper.Live.Protocol;
using Hyper.Live.Routing;
using Hyper.Live.Views;

namespace Hyper.Live.Security;

/// <summary>
/// Decides what a join may mount: the socket's CSRF check, the signed session token (which
/// names the view and the container it was issued for), the static token, and the route of
/// the URL the join names. A <c>redirect</c> join (live navigation) mounts the view of its
/// target route; any other join mounts only the view its token was issued for.
/// </summary>
internal sealed class JoinAuthorizer(LiveTokens tokens, LiveRoutes routes)
{
    /// <summary>
    /// Checks <paramref name="join"/>, sent on <paramref name="topic"/> over a socket whose CSRF check
    /// gave <paramref name="csrfValid"/> and whose upgrade request was made to <paramref name="host"/>.
    /// </summary>
    public JoinDecision Authorize(string topic, JoinRequest join, bool csrfValid, string host)
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

        var viewType = routes.ViewByName(token.View);
        if (viewType is null)
        {
            return JoinDecision.Refuse("stale", $"the view '{token.View}' is not routed");
        }

        var uri = join.Redirect ?? join.Url;
        if (uri is null)
        {
            return JoinDecision.Mount(viewType, null, null);
        }

        if (!NavigationUrls.IsOnSite(uri, host))
        {
            return JoinDecision.Refuse("unauthorized", $"the {uri.Scheme} URL for host '{uri.Host}' is not on this site ({host})");
        }

        if (routes.Match(uri) is not { } route)
        {
            return JoinDecision.Refuse("unauthorized", $"no live route serves {uri.AbsolutePath}");
        }

        if (join.Redirect is not null)
        {
            return JoinDecision.Mount(route.Route.ViewType, uri, route.Values);
        }

        return route.Route.ViewType == viewType
            ? JoinDecision.Mount(viewType, uri, route.Values)
            : JoinDecision.Refuse("unauthorized", $"{uri.AbsolutePath} is no longer served by {viewType.Name}");
    }
}
