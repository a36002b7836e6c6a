namespace Hyper.Live.Samples.Live;

/// <summary>The index (<c>/</c>, and <c>/home</c> by convention): a card for each sample; a live view, so it has the layout and the connection badge.</summary>
public sealed class Home : LiveView
{
    protected override void Mount(LiveParams parameters) => Title = "Samples";

    public override Html Render() => $$"""
        <section class="home">
          <h1>Hyper.Live samples</h1>
          <p class="lead">Server-rendered pages that stay live: every click runs C# on the server, which sends back only what changed.</p>
          <ul class="cards">
            {{Html.Each(SampleCatalog.All, sample => $"""<li><a class="card" href="{sample.Href}"><strong>{sample.Name}</strong><span>{sample.Shows}</span></a></li>""")}}
          </ul>
          <p class="more">Benchmarks: <a href="/bench/counter">bench counter</a> and <a href="/bench/table">bench table</a> (1,000 rows).</p>
        </section>
        """;
}
