using Hyper.Live.Sessions;
using Hyper.Live.Templates;
using Hyper.Live.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyper.Live.Hosting;

/// <summary>
/// The "dead" render of a live route (protocol §1): mounts the view unconnected, handles
/// its params and returns the whole page, so it works and is indexable without
/// JavaScript. The container carries the signed tokens the socket join needs; no state.
/// </summary>
internal static class StaticRenderer
{
    public static async Task RenderAsync(HttpContext context, LiveRoute route)
    {
        var host = context.RequestServices.GetRequiredService<LiveHost>();
        var view = (LiveView)ActivatorUtilities.CreateInstance(context.RequestServices, route.ViewType);
        var uri = new Uri(context.Request.GetEncodedUrl());
        view.User = context.User;
        view.Uri = uri;
        var routeValues = route.TryMatch(context.Request.Path, out var values) ? values : [];
        var parameters = new LiveParams(uri, routeValues);
        await view.MountAsync(parameters, context.RequestAborted).ConfigureAwait(false);
        await view.HandleParamsAsync(parameters, context.RequestAborted).ConfigureAwait(false);

        var id = LiveTokens.NewContainerId();
        var session = host.Tokens.SignSession(id, route.ViewType);
        var statics = host.Tokens.SignStatic(id);
        var csrf = host.Csrf.TokenFor(context);
        string page;
        using (RenderArena.Enter())
        {
            var head = (Html)$"""
                <meta name="csrf-token" content="{csrf}">
                <script defer phx-track-static src="{ClientScript.Shared.Url}"></script>
                """;
            // Resolved as the live session will resolve it: same delegate binding ids, same handler checks.
            var content = view.Render();
            new EventDispatcher(NullLogger.Instance).Resolve(view, content);
            var body = (Html)$"""<div id="{id}" data-phx-main data-phx-session="{session}" data-phx-static="{statics}">{content}</div>""";
            var layoutContext = new LiveLayoutContext(view.Title, head, body);
            page = HtmlRenderer.Render(view.Layout(layoutContext) ?? host.Options.Layout(layoutContext));
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache, no-store";
        await context.Response.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
    }
}
