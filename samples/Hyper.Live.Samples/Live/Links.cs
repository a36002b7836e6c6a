namespace Hyper.Live.Samples.Live;

/// <summary>
/// Bookmarks typed by the user, rendered as links: a URL from a hole in <c>href</c> that would
/// run script (<c>javascript:</c>, <c>data:</c>, …) is written as <c>#</c>.
/// </summary>
public sealed class Links : LiveView
{
    private readonly List<(string Title, string Url)> links = [("Hyper.Live", "/")];

    public void Add(string title, string url) => links.Add((string.IsNullOrWhiteSpace(title) ? url : title, url));

    public override Html Render() => $$"""
        <form id="new-link" @submit="add(title, url)">
          <input name="title" placeholder="Title">
          <input name="url" placeholder="https://…">
          <button>Add</button>
        </form>
        <ul id="links">
          {{Html.Each(links, link => $"""<li><a class="link" href="{link.Url}">{link.Title}</a></li>""")}}
        </ul>
        """;
}
