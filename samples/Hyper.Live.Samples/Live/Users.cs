
namespace Hyper.Live.Samples.Live;

/// <summary>Pagination with live patches: the page lives in the URL (?page=N), the title shows it.</summary>
public sealed class Users : LiveView
{
    private const int PageSize = 10;

    private static readonly string[] All = Enumerable.Range(1, 95).Select(i => $"User {i:000}").ToArray();

    private static readonly int PageCount = (All.Length + PageSize - 1) / PageSize;

    private int page = 1;

    protected override void HandleParams(LiveParams parameters)
    {
        page = int.TryParse(parameters["page"], out var requested) ? Math.Clamp(requested, 1, PageCount) : 1;
        Title = $"Users · page {page}";
    }

    public void NextPage() => PushPatch($"/users?page={Math.Min(page + 1, PageCount)}");

    public override Html Render() => $$"""
        <section class="users">
          <h1>Users</h1>
          <ul id="users">
            {{Html.Each(All.Skip((page - 1) * PageSize).Take(PageSize), user => user, user => $"<li>{user}</li>")}}
          </ul>
          <nav>
            {{Html.If(page > 1, $"""<a id="previous" href="/users?page={page - 1}" data-phx-link="patch" data-phx-link-state="push">Previous</a>""")}}
            <span id="page">Page {{page}} of {{PageCount}}</span>
            {{Html.If(page < PageCount, $"""<a id="next" href="/users?page={page + 1}" data-phx-link="patch" data-phx-link-state="push">Next</a>""")}}
            <button id="next-button" @click="next_page">Next (from the server)</button>
          </nav>
        </section>
        """;
}
