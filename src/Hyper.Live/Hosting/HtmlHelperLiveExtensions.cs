using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Hyper.Live.Hosting;
using Hyper.Live.Security;
using Hyper.Live.Sessions;
using Hyper.Live.Templates;

namespace Hyper.Live;

/// <summary>
/// Live views in pages that are not live (Razor Pages, MVC views): <c>@await Html.LiveAsync&lt;Clock&gt;()</c>
/// writes the view's HTTP render in its container, and the browser then joins it over the socket.
/// </summary>
public static class HtmlHelperLiveExtensions
{
    private static readonly object HeadWritten = new();

    /// <summary>
    /// Renders the live view <typeparamref name="TView"/> here: mounted for this request, then joined by the browser
    /// as a view of its own (it needs no route; its class's <c>[Authorize]</c> applies on the join). The first view of
    /// a page also writes the CSRF meta tag and the client script, once.
    /// </summary>
    /// <param name="html">The page's HTML helper.</param>
    /// <param name="id">The container's DOM id: unique in the page; a random one by default.</param>
    public static Task<IHtmlContent> LiveAsync<TView>(this IHtmlHelper html, string? id = null)
        where TView : LiveView => RenderAsync<TView>(html, id, null, hasProps: false);

    /// <summary>Renders the live view <typeparamref name="TView"/> with <paramref name="props"/> here (see <see cref="LiveAsync{TView}(IHtmlHelper, string?)"/>).</summary>
    /// <param name="html">The page's HTML helper.</param>
    /// <param name="props">What the view gets as <see cref="LiveView{TProps}.Props"/>: serialized to JSON into its signed token.</param>
    /// <param name="id">The container's DOM id: unique in the page; a random one by default.</param>
    public static Task<IHtmlContent> LiveAsync<TView, TProps>(this IHtmlHelper html, TProps props, string? id = null)
        where TView : LiveView<TProps> => RenderAsync<TView>(html, id, props, hasProps: true);

    private static async Task<IHtmlContent> RenderAsync<TView>(IHtmlHelper html, string? id, object? props, bool hasProps)
        where TView : LiveView
    {
        ArgumentNullException.ThrowIfNull(html);
        var context = html.ViewContext.HttpContext;
        var host = context.RequestServices.GetRequiredService<LiveHost>();
        var request = new LiveRequest(await RequestCapture.SnapshotAsync(context, host.Options).ConfigureAwait(false), context.Request.Cookies);
        var nested = host.NestedViews(null, context.User, request.Snapshot, connected: false);
        string page;
        using (RenderArena.Enter())
        {
            var head = context.Items.TryAdd(HeadWritten, true) ? StaticRenderer.Head(context, host, host.Csrf.TokenFor(context)) : Html.Empty;
            page = HtmlRenderer.Render($"{head}{nested.Render<TView>(id ?? LiveTokens.NewContainerId(), props, hasProps)}");
        }

        return new HtmlString(await NestedDeadRenderer.FillAsync(page, nested, context, host, request).ConfigureAwait(false));
    }
}
