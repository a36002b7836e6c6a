using AngleSharp.Dom;

namespace Hyper.Live.Testing;

/// <summary>The live views embedded in a page (<c>LiveRender</c>), each joined on its own channel as the browser joins them.</summary>
public sealed partial class LivePage
{
    private readonly List<LivePage> children = [];

    /// <summary>The ids of the live views this page embeds (in its view's render or in its layout), joined after the page's own view.</summary>
    public IReadOnlyList<string> ChildIds
    {
        get
        {
            lock (children)
            {
                return [.. children.Select(c => c.ViewId)];
            }
        }
    }

    /// <summary>
    /// The embedded live view with container id <paramref name="id"/>, as a page of its own: its
    /// <see cref="Html"/>, <see cref="State{T}"/>, <see cref="ClickAsync"/> and the rest act on that view alone.
    /// </summary>
    /// <exception cref="InvalidOperationException">The page embeds no live view with that id.</exception>
    public LivePage Child(string id)
    {
        lock (children)
        {
            return children.Find(c => c.ViewId == id)
                ?? throw new InvalidOperationException(
                    $"The page embeds no live view '{id}' (embedded: {(children.Count == 0 ? "none" : string.Join(", ", children.Select(c => c.ViewId)))}).");
        }
    }

    /// <summary>Joins the live views the HTTP render embedded besides <paramref name="main"/>, after the main view, as the browser does.</summary>
    internal async Task JoinChildren(IDocument document, IElement main, CancellationToken cancellationToken)
    {
        foreach (var container in document.QuerySelectorAll("[data-phx-session]").Where(e => e != main && e.Id is not null))
        {
            var child = new LivePage(client, Url, DeadHtml, document, container);
            lock (children)
            {
                children.Add(child);
            }

            await child.Connect(recoverFrom: null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask DisposeChildren()
    {
        LivePage[] joined;
        lock (children)
        {
            joined = [.. children];
            children.Clear();
        }

        foreach (var child in joined)
        {
            await child.DisposeAsync().ConfigureAwait(false);
        }
    }
}
