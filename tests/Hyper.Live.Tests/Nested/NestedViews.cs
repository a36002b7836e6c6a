using Hyper.Tests.NestedChildren;

namespace Hyper.Live.Tests.Nested;

/// <summary>A parent that embeds a <see cref="Ticker"/> (until <c>hide</c>) and, with <c>?admin=1</c>, an <see cref="AdminOnly"/> child.</summary>
public sealed class ParentView : LiveView
{
    private int bumps;
    private bool showTicker = true;
    private bool admin;

    protected internal override void Mount(LiveParams parameters) => admin = parameters["admin"] == "1";

    public void Bump() => bumps++;

    public void Hide() => showTicker = false;

    public void Boom() => throw new InvalidOperationException("parent boom");

    public override Html Render() => $$"""
        <h1>parent {{bumps}}</h1><button @click="bump">+</button><button @click="hide">hide</button><button @click="boom">!</button>
        {{(showTicker ? LiveRender<Ticker, TickerProps>("ticker", new("hello")) : Html.Empty)}}
        {{(admin ? LiveRender<AdminOnly>("admin-only") : Html.Empty)}}
        """;
}
