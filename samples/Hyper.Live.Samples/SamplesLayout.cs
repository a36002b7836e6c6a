namespace Hyper.Live.Samples;

/// <summary>The samples app's page: a top bar with the samples and a connection badge, the view, a footer.</summary>
public static class SamplesLayout
{
    /// <summary>The layout for <see cref="HyperLiveOptions.Layout"/>.</summary>
    public static Html Render(LiveLayoutContext context) => Render(context, Html.Empty);

    /// <summary>The layout with <paramref name="dock"/> (a sticky live view, say) between the view and the footer.</summary>
    public static Html Render(LiveLayoutContext context, Html dock)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Uri.AbsolutePath;
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            {{context.LiveTitle}}
            <link rel="stylesheet" href="/samples.css">
            {{context.Head}}
            </head>
            <body>
            <header class="topbar">
              <a class="brand" href="/">Hyper<span>.Live</span></a>
              <nav class="samples-nav" aria-label="Samples">
                {{Html.Each(SampleCatalog.All, sample => $"""<a href="{sample.Href}" {Current(path, sample.Href)}>{sample.Name}</a>""")}}
              </nav>
              <span class="conn-badge" role="status" title="The page's live connection"><span class="conn-dot"></span><span class="conn-label"></span></span>
            </header>
            <main class="page">
            {{context.Body}}
            </main>
            {{dock}}
            <footer class="page-footer">Rendered on the server by Hyper.Live, kept live over a WebSocket.</footer>
            </body>
            </html>
            """;
    }

    /// <summary>Marks the entry whose first path segment is the page's (<c>/chat/lobby</c> for any room).</summary>
    private static Dictionary<string, object?> Current(string path, string href) => new()
    {
        ["aria-current"] = FirstSegment(href) == FirstSegment(path) ? "page" : null,
    };

    private static string FirstSegment(string path) => path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}
