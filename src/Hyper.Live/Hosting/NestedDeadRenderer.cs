using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Hyper.Live.Events;
using Hyper.Live.Security;
using Hyper.Live.Sessions;
using Hyper.Live.Templates;
using Hyper.Live.Views;

namespace Hyper.Live.Hosting;

/// <summary>
/// The HTTP render of embedded live views: each container a template (or layout) rendered holds a marker;
/// the child is mounted unconnected, with the props of its token, and its render (with its own children) put there,
/// unless its class's <c>[Authorize]</c> refuses the request's user.
/// </summary>
internal static class NestedDeadRenderer
{
    /// <summary>Deeper than this, a view embeds itself without end (or nearly so): the render fails rather than loops.</summary>
    private const int MaxDepth = 16;

    /// <summary>Returns <paramref name="html"/> with the dead render of every child <paramref name="nested"/> lists in place of its marker.</summary>
    public static async Task<string> FillAsync(string html, NestedViews nested, HttpContext context, LiveHost host, LiveRequest request, int depth = 0)
    {
        foreach (var (marker, child) in nested.PendingDeadRenders)
        {
            if (!html.Contains(marker, StringComparison.Ordinal))
            {
                continue; // rendered, then left out of the page (a LiveRender passed to Html.If(false, …))
            }

            if (depth == MaxDepth)
            {
                throw new InvalidOperationException($"live views nested more than {MaxDepth} deep (does {child.ViewType.Name} embed itself?)");
            }

            if (await RouteAuthorization.CheckViewAsync(child.ViewType, context).ConfigureAwait(false) is not null)
            {
                // Its join will be refused too; the HTTP render shows nothing of it either.
                html = html.Replace(marker, "", StringComparison.Ordinal);
                continue;
            }

            // A child has no URL of its own, on the HTTP render as when it joins.
            var view = await ViewMounter.MountAsync(
                    context.RequestServices, child.ViewType, context.User, uri: null, [], flash: null, request, host: null, LiveTokens.NewSessionId(), restore: null, context.RequestAborted, child.Props)
                .ConfigureAwait(false);
            view.Nested = host.NestedViews(child.Id, context.User, request.Snapshot, connected: false);
            string content;
            using (RenderArena.Enter())
            {
                var rendered = view.Render();
                new EventDispatcher(NullLogger.Instance).Resolve(view, rendered);
                content = HtmlRenderer.Render(rendered);
            }

            content = await FillAsync(content, view.Nested, context, host, request, depth + 1).ConfigureAwait(false);
            html = html.Replace(marker, content, StringComparison.Ordinal);
        }

        return html;
    }
}
