using System.Globalization;

namespace Hyper.Live.Tests.Components;

/// <summary>The props of a <see cref="Tile"/>.</summary>
public sealed record TileProps(int Index);

/// <summary>A component with one counter.</summary>
public sealed class Tile : LiveComponent<TileProps>
{
    private int clicks;

    public void Bump() => clicks++;

    public override Html Render() => $$"""
        <div class="tile" id="tile-{{Props.Index}}"><button @click="bump">{{clicks}}</button></div>
        """;
}

/// <summary>A component whose render has two root elements, which the client cannot tag.</summary>
public sealed class TwoRoots : LiveComponent
{
    public override Html Render() => $"<p>one</p><p>two</p>";
}

/// <summary>A keyed list of tiles (<c>?n=</c>, 3 by default) that can be hidden, shown and added to.</summary>
public sealed class TilesView : LiveView
{
    private readonly List<int> shown = [];
    private string title = "tiles";

    protected internal override void Mount(LiveParams parameters)
    {
        var count = int.Parse(parameters["n"] ?? "3", CultureInfo.InvariantCulture);
        shown.AddRange(Enumerable.Range(1, count));
    }

    [ClientEvent]
    public void Hide(int id) => shown.Remove(id);

    [ClientEvent]
    public void Show(int id) => shown.Add(id);

    public void Rename() => title += "!";

    public override Html Render() => $$"""
        <section><h1>{{title}}</h1>{{Html.Each(shown, id => id, id => Component<Tile, TileProps>("t" + id, new(id)))}}</section>
        """;
}

/// <summary>Embeds a <see cref="TwoRoots"/>; records its errors in the probe.</summary>
public sealed class TwoRootsView(Realtime.Probe probe) : LiveView
{
    protected internal override void OnError(Exception error) => probe.Record("two-roots: " + error.Message);

    public override Html Render() => $"<div>{Component<TwoRoots>("x")}</div>";
}
