using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Hyper.Live.Routing;
using Hyper.Live.Events;
using Hyper.Live.Security;
using Hyper.Live.Templates;
using Hyper.Live.Sessions;

namespace Hyper.Live.Hosting;

/// <summary>
/// The "dead" render of a live route (protocol §1): mounts the view unconnected, handles
/// its params and returns the whole page, so it works and is indexable without
/// JavaScript. The container carries the signed tokens the socket join needs; no state. Its
/// forms and buttons also work without JavaScript (<see cref="NoScriptMarkup"/>, <see cref="NoScriptEndpoint"/>).
/// </summary>
internal static class StaticRenderer
{
    /// <summary>The cookie the client sets before a redirect that carries flash messages (protocol §1.5).</summary>
    public const string FlashCookie = "__phoenix_flash__";

    /// <summary>Answers a GET of a live route with the whole page.</summary>
    public static async Task RenderAsync(HttpContext context, LiveRoute route)
    {
        var page = await MountAsync(context, route).ConfigureAwait(false);
        if (!TryRedirect(context, page.Host, page.View))
        {
            await WritePageAsync(context, page, StatusCodes.Status200OK).ConfigureAwait(false);
        }
    }

    /// <summary>Mounts the route's view unconnected, for this request.</summary>
    /// <param name="context">The request.</param>
    /// <param name="route">The live route it matched.</param>
    /// <param name="sessionId">The session the page already has (a post from a page without JavaScript); null for a new one.</param>
    /// <param name="restore">Runs between <c>Mount</c> and <c>HandleParams</c>: sets persisted members from a snapshot.</param>
    public static async Task<StaticPage> MountAsync(
        HttpContext context, LiveRoute route, string? sessionId = null, Func<LiveView, CancellationToken, Task>? restore = null)
    {
        var host = context.RequestServices.GetRequiredService<LiveHost>();
        var uri = new Uri(context.Request.GetEncodedUrl());
        IReadOnlyDictionary<string, List<string>>? flash = null;
        if (context.Request.Cookies[FlashCookie] is { } flashToken)
        {
            flash = host.Tokens.ReadFlash(flashToken);
            context.Response.Cookies.Delete(FlashCookie);
        }

        var routeValues = route.TryMatch(context.Request.Path, out var values) ? values : [];
        var request = new LiveRequest(await RequestCapture.SnapshotAsync(context, host.Options).ConfigureAwait(false), context.Request.Cookies);
        // The id the connected session will have: the view sees the same SessionId in both mounts.
        var view = await ViewMounter.MountAsync(
                context.RequestServices, route.ViewType, context.User, uri, routeValues, flash, request, host: null, sessionId ?? LiveTokens.NewSessionId(), restore, context.RequestAborted)
            .ConfigureAwait(false);
        return new StaticPage(host, route, uri, request, view);
    }

    /// <summary>
    /// Answers the navigation <paramref name="view"/> asked for, if any, with a redirect:
    /// without a socket every kind of navigation is a plain HTTP one.
    /// </summary>
    public static bool TryRedirect(HttpContext context, LiveHost host, LiveView view)
    {
        if (view.PendingEffects?.Navigation is not { } navigation)
        {
            return false;
        }

        if (view.Flash.ForNavigation() is { Count: > 0 } carried)
        {
            context.Response.Cookies.Append(FlashCookie, host.Tokens.SignFlash(carried), new CookieOptions { Path = "/", MaxAge = TimeSpan.FromMinutes(1) });
        }

        // After a post, 303 has the browser GET the target (post-redirect-get).
        context.Response.StatusCode = HttpMethods.IsPost(context.Request.Method) ? StatusCodes.Status303SeeOther : StatusCodes.Status302Found;
        context.Response.Headers.Location = navigation.CheckedTo(host.Options.AllowedRedirectHosts);
        return true;
    }

    /// <summary>Writes the page of a mounted view: layout, client script, and the container with its tokens.</summary>
    public static async Task WritePageAsync(HttpContext context, StaticPage mounted, int status)
    {
        var (host, route, uri, request, view) = mounted;
        var id = LiveTokens.NewContainerId();
        var session = host.Tokens.SignSession(id, view.SessionId, route.ViewType, context.User, request.Snapshot);
        var statics = host.Tokens.SignStatic(id, view.Flash.Messages);
        view.Nested = host.NestedViews(id, context.User, request.Snapshot, connected: false);
        var layoutViews = host.NestedViews(null, context.User, request.Snapshot, connected: false);
        var csrf = host.Csrf.TokenFor(context);
        string page;
        using (RenderArena.Enter())
        {
            var head = Head(context, host, csrf);
            // Resolved as the live session will resolve it: same delegate binding ids, same handler checks.
            var content = view.Render();
            new EventDispatcher(NullLogger.Instance).Resolve(view, content);
            if (host.Options.NoScriptFallback)
            {
                var hiddenFields = (Html)$"""<input type="hidden" name="{CsrfTokens.FormField}" value="{csrf}"><input type="hidden" name="{NoScriptMarkup.SessionField}" value="{session}">""";
                content = Html.Raw(NoScriptMarkup.Rewrite(HtmlRenderer.Render(content), HtmlRenderer.Render(hiddenFields)));
            }

            var body = (Html)$"""<div id="{id}" data-phx-main data-phx-session="{session}" data-phx-static="{statics}">{content}</div>""";
            var layoutContext = new LiveLayoutContext(
                view.Title, uri, (host.Options.TitlePrefix, host.Options.TitleSuffix, host.Options.DefaultTitle), head, body, layoutViews);
            page = HtmlRenderer.Render(view.Layout(layoutContext) ?? host.Options.Layout(layoutContext));
        }

        page = await NestedDeadRenderer.FillAsync(page, view.Nested, context, host, request).ConfigureAwait(false);
        page = await NestedDeadRenderer.FillAsync(page, layoutViews, context, host, request).ConfigureAwait(false);

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache, no-store";
        FrameHeaders.Apply(context.Response, host.Options.FrameAncestors);
        await context.Response.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// What a page with live views needs in its <c>&lt;head&gt;</c>: the CSRF meta tag the socket sends back
    /// (<paramref name="csrf"/>, from <see cref="CsrfTokens.TokenFor"/> once per request), and the client script.
    /// </summary>
    public static Html Head(HttpContext context, LiveHost host, string csrf)
    {
        var nonce = new Dictionary<string, object?> { ["nonce"] = host.Options.ScriptNonce?.Invoke(context) };
        var banner = new Dictionary<string, object?>
        {
            ["data-connection-banner"] = host.Options.ConnectionBanner ?? "",
            ["data-connection-banner-delay"] = (long)host.Options.ConnectionBannerDelay.TotalMilliseconds,
            ["data-hyper-config"] = host.Options.Client.ToJson(),
        };
        return $"""
            <meta name="csrf-token" content="{csrf}">
            <script defer phx-track-static {nonce} src="{ClientScript.Shared.Url}" {banner}></script>
            """;
    }
}
