namespace Hyper.Live.Samples.Live.Parts;

/// <summary>Song requests: a live view embedded in the radio page's own render (a child of that view).</summary>
public sealed class Requests : LiveView<PlayerProps>
{
    private readonly List<string> titles = [];

    public void Add(string title)
    {
        if (!string.IsNullOrWhiteSpace(title))
        {
            titles.Add(title.Trim());
        }
    }

    public override Html Render() => $$"""
        <section class="requests">
          <h3>Requests for {{Props.Station}}</h3>
          <form @submit="add(title)"><input name="title" placeholder="A song"><button>Request</button></form>
          <ol>{{Html.Each(titles, title => $"<li>{title}</li>")}}</ol>
        </section>
        """;
}
