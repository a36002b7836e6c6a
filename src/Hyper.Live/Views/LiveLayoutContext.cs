using Hyper.Live.Views;

namespace Hyper.Live;

/// <summary>What a layout places in the page around a live view.</summary>
public sealed class LiveLayoutContext
{
    internal LiveLayoutContext(string? title, Uri uri, (string? Prefix, string? Suffix, string? Default) titleParts, Html head, Html body, NestedViews nestedViews)
    {
        NestedViews = nestedViews;
        Title = title;
        Uri = uri;
        (TitlePrefix, TitleSuffix, DefaultTitle) = titleParts;
        Head = head;
        Body = body;
    }

    /// <summary>The view's title alone (without prefix or suffix); null when the view sets none.</summary>
    public string? Title { get; }

    /// <summary>The page's URL, e.g. to mark the current entry of a navigation bar.</summary>
    public Uri Uri { get; }

    /// <summary><c>HyperLiveOptions.TitlePrefix</c>: written before the title.</summary>
    public string? TitlePrefix { get; }

    /// <summary><c>HyperLiveOptions.TitleSuffix</c>: written after the title.</summary>
    public string? TitleSuffix { get; }

    /// <summary><c>HyperLiveOptions.DefaultTitle</c>: the title of a view that sets none.</summary>
    public string? DefaultTitle { get; }

    /// <summary>The title as the browser shows it: prefix, the view's title (or the default), suffix.</summary>
    public string FullTitle => $"{TitlePrefix}{(string.IsNullOrWhiteSpace(Title) ? DefaultTitle : Title)}{TitleSuffix}";

    /// <summary>
    /// The whole <c>&lt;title&gt;</c> element (Phoenix's <c>live_title</c>): the <see cref="FullTitle"/>, with the
    /// prefix, suffix and default as <c>data-</c> attributes, which the browser client keeps when the view
    /// changes <see cref="LiveView.Title"/>. Place it inside <c>&lt;head&gt;</c> instead of a <c>&lt;title&gt;</c> of your own.
    /// </summary>
    public Html LiveTitle
    {
        get
        {
            var attributes = new Dictionary<string, object?>
            {
                ["data-prefix"] = TitlePrefix,
                ["data-suffix"] = TitleSuffix,
                ["data-default"] = DefaultTitle,
            };
            return $"<title {attributes}>{FullTitle}</title>";
        }
    }

    /// <summary>
    /// Embeds the live view <typeparamref name="TView"/> in the layout, a sticky view in Phoenix's words
    /// (<c>live_render(…, sticky: true)</c>): it joins on its own, beside the page's view, and stays, with its state,
    /// while the main view navigates live to other pages (<see cref="LiveView.PushNavigate(string, bool)"/>, live links):
    /// the browser replaces only the main view's container, and the layout is not rendered again.
    /// </summary>
    /// <param name="id">Its container's DOM id: unique in the page.</param>
    public Html LiveRender<TView>(string id)
        where TView : LiveView => NestedViews.Render<TView>(id, null, hasProps: false);

    /// <summary>Embeds the live view <typeparamref name="TView"/> with <paramref name="props"/> (see <see cref="LiveRender{TView}(string)"/>).</summary>
    /// <param name="id">Its container's DOM id: unique in the page.</param>
    /// <param name="props">What it gets as <see cref="LiveView{TProps}.Props"/>: serialized to JSON into its signed token.</param>
    public Html LiveRender<TView, TProps>(string id, TProps props)
        where TView : LiveView<TProps> => NestedViews.Render<TView>(id, props, hasProps: true);

    /// <summary>Where <see cref="LiveRender{TView}(string)"/> writes the layout's views' containers.</summary>
    internal NestedViews NestedViews { get; }

    /// <summary>The CSRF meta tag and the client script: place inside <c>&lt;head&gt;</c>.</summary>
    public Html Head { get; }

    /// <summary>The view's container with its first render: place inside <c>&lt;body&gt;</c>.</summary>
    public Html Body { get; }
}
