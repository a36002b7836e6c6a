using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hyper.Live.Views;

/// <summary>
/// The live views one template embeds (<c>LiveRender</c>): writes each child's container with its signed
/// token and keeps that markup while the child's class and props stay the same, so a parent's later renders
/// send nothing for it (the browser would ignore a new token anyway: it never updates a joined child).
/// </summary>
/// <remarks>
/// On the HTTP render the container holds a marker that <see cref="PendingDeadRenders"/> lists: the renderer
/// mounts each child and puts its dead render there. Connected, the container is empty: the browser joins the child.
/// </remarks>
/// <param name="parentId">The embedding view's container id; null in a layout (the children are root views that outlive live navigation).</param>
/// <param name="sign">Signs a child's session token.</param>
/// <param name="connected">Whether the embedding view is joined (containers stay empty) or on the HTTP render.</param>
/// <param name="resignAfter">How old a token may get before a render signs it again (half its lifetime, so a join never finds it expired).</param>
internal sealed class NestedViews(string? parentId, Func<NestedViewRequest, string> sign, bool connected, TimeSpan resignAfter)
{
    // Created on the first LiveRender: most views embed none, and every joined view has one of these.
    private Dictionary<string, Entry>? rendered;
    private string? marker;
    private List<(string Marker, NestedViewRequest Request)>? pending;

    /// <summary>The markers the HTTP render left in place of each child's content, with the child to render there.</summary>
    public IReadOnlyList<(string Marker, NestedViewRequest Request)> PendingDeadRenders => pending ?? [];

    /// <summary>The container of <typeparamref name="TView"/> with id <paramref name="id"/> and these props.</summary>
    public Html Render<TView>(string id, object? props, bool hasProps)
        where TView : LiveView
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var json = hasProps ? JsonSerializer.Serialize(props, props?.GetType() ?? typeof(object)) : null;
        var request = new NestedViewRequest(typeof(TView), id, json, parentId);
        var now = DateTimeOffset.UtcNow;
        rendered ??= new(StringComparer.Ordinal);
        if (!rendered.TryGetValue(id, out var entry) || entry.Request != request || now - entry.SignedAt > resignAfter)
        {
            var open = Container(request, sign(request));
            entry = new Entry(request, open, open + "</div>", now);
            rendered[id] = entry;
        }

        if (connected)
        {
            return Html.Raw(entry.Empty);
        }

        pending ??= [];
        // Random per render, so no markup of the page's own can stand for a child.
        marker ??= "<!--hyper-live-child:" + Guid.NewGuid().ToString("N") + ":";
        var place = marker + pending.Count + "-->";
        pending.Add((place, request));
        return Html.Raw(entry.Open + place + "</div>");
    }

    private static string Container(NestedViewRequest request, string token)
    {
        var encoder = HtmlEncoder.Default;
        // A layout's view is a root view outside the main container, which the client leaves alone on live navigation.
        // Not data-phx-sticky: the client moves sticky views into the next main view, whose render then drops them.
        var link = request.ParentId is { } parent ? $" data-phx-parent-id=\"{encoder.Encode(parent)}\"" : "";
        return $"<div id=\"{encoder.Encode(request.Id)}\" data-phx-session=\"{encoder.Encode(token)}\" data-phx-static=\"\"{link}>";
    }

    /// <summary>A child's container as last signed: its start tag, the whole empty element, and when its token was signed.</summary>
    private sealed record Entry(NestedViewRequest Request, string Open, string Empty, DateTimeOffset SignedAt);
}
